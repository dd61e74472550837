/// The sign-in page: one field for the console token that `jobtracker` prints at start and
/// `mrsubmit console-token` prints from the cluster secret.
struct LoginPage {
    /// An error to show, or empty.
    let error: String

    /// The page body.
    func render() -> String {
        let message = error.isEmpty ? "" : "<p class=\"error\">\(HTML.escape(error))</p>"
        return """
            \(message)
            <p>Changing anything (uploads, jobs, kills) needs the console token. Run <code>mrsubmit console-token</code> with the \
            cluster secret, or copy it from the JobTracker's start-up log.</p>
            <form method="post" action="/login" id="login-form">
            <label>Console token <input name="token" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button></form>
            """
    }
}
