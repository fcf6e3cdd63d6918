// Runs synchronously in <head>, before first paint: applies the saved theme
// ("light" or "dark" in localStorage "theme") and marks that JavaScript runs.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = window.localStorage.getItem("theme");
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // localStorage can be unavailable (file:// in some browsers, privacy modes): keep the system theme.
  }
})();
