/// The frame every console page shares: head, navigation and a main column; pages put their
/// changing parts in ``HTML/live(_:active:)``, which the page script refreshes.
struct PageLayout {
    /// The page's title.
    let title: String
    /// Which navigation entry to highlight.
    let section: String
    /// The CSRF token of the viewer's session, for the page script's POSTs; empty when signed out.
    let csrf: String

    /// The whole document around `body`.
    func render(_ body: String) -> String {
        let links = [("/", "Dashboard"), ("/run", "Run a job"), ("/trackers", "Trackers"), ("/logs", "Logs")]
            .map { path, name in
                "<a href=\"\(path)\"\(name == section ? " aria-current=\"page\"" : "")>\(name)</a>"
            }.joined()
        let account =
            csrf.isEmpty
            ? "<a href=\"/login\">Sign in</a>"
            : "<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\"><button>Sign out</button></form>"
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="csrf-token" content="\(HTML.escape(csrf))">
            <title>\(HTML.escape(title)) · swift-mapreduce</title>
            <link rel="stylesheet" href="/static/console.css">
            <script src="/static/console.js" defer></script>
            </head><body>
            <header><strong>swift-mapreduce</strong><nav>\(links)</nav><span class="account">\(account)</span></header>
            <main>
            <h1>\(HTML.escape(title))</h1>
            \(body)
            </main>
            </body></html>
            """
    }
}
