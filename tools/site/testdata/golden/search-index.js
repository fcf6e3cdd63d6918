window.SEARCH_INDEX=[
{"title":"Hello, fixture","url":"hello/index.html","section":"","text":"The first chapter of the fixture, with every kind of directive. Some prose with code and a link to the second chapter."},
{"title":"Python first","url":"hello/index.html#python-first","section":"Hello, fixture","text":""},
{"title":"Declarations","url":"hello/index.html#declarations","section":"Hello, fixture","text":"Output"},
{"title":"A picture","url":"hello/index.html#a-picture","section":"Hello, fixture","text":"A grey box A link to this section and to the next chapter."},
{"title":"Exercise","url":"hello/index.html#exercise","section":"Hello, fixture","text":""},
{"title":"A test","url":"hello/index.html#a-test","section":"Hello, fixture","text":""},
{"title":"The second step","url":"second-step/index.html","section":"","text":"The second chapter: a table, an include, and links back. Back to the first chapter and its picture."},
{"title":"The table","url":"second-step/index.html#the-table","section":"The second step","text":"size time 1 10 ns 2 20 ns"},
{"title":"A stepper","url":"second-step/index.html#a-stepper","section":"The second step","text":"A recorded run of chapter 03's event loop of the course, kept here so that the site tool's tests can step through one."},
{"title":"Code","url":"second-step/index.html#code","section":"The second step","text":"Text with strike and a task list: done not yet Visit https://go.dev for more."}
];
