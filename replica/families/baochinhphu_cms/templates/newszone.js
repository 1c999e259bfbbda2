$(".btn-viewmore").on("click", function () {
var box = $(this).parent(), ids = $(".box-stream-item").map(function () {
return $(this).data("id"); }).get();
$.post("{api}", {PageIndex: box.data("pageindex"), PageSize: box.data("pagesize"),
Catname: box.data("catname"), LanguageId: box.data("languageid"), Site: box.data("site"),
DataIds: ids}, function (html) { $("#box-stream").append(html);
box.data("pageindex", box.data("pageindex") + 1); });
});