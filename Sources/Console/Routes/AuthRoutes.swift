import Foundation
import Hummingbird
import NIOCore

/// Sign-in and sign-out, the session's CSRF token, and the stylesheet and script.
struct AuthRoutes<Context: RequestContext>: Sendable {
    let console: Console

    func add(to router: Router<Context>) {
        let auth = console.auth
        router.get("/static/console.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ConsoleAssets.css))
            )
        }
        router.get("/static/console.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ConsoleAssets.javascript))
            )
        }
        router.get("/login") { request, _ in
            let csrf = auth.session(of: request)?.csrf ?? ""
            return ConsoleResponse.html(
                PageLayout(title: "Sign in", section: "", csrf: csrf).render(LoginPage(error: "").render())
            )
        }
        router.post("/login") { request, _ in
            var request = request
            let isJSON = request.headers[.contentType]?.hasPrefix("application/json") ?? false
            let body = try await request.collectBody(upTo: 4096)
            let token = isJSON ? Self.jsonToken(body) : FormFields(body)["token"]
            guard let session = auth.login(with: token ?? "") else {
                if isJSON { return ConsoleResponse.json(["error": "wrong console token"], status: .unauthorized) }
                let page = PageLayout(title: "Sign in", section: "", csrf: "").render(
                    LoginPage(error: "Wrong console token.").render()
                )
                return ConsoleResponse.html(page, status: .unauthorized)
            }
            var response = isJSON ? ConsoleResponse.json(["csrf": session.csrf]) : ConsoleResponse.redirect(to: "/")
            response.setCookie(ConsoleAuth.cookie(for: session))
            return response
        }
        router.post("/logout") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 4096)
            do {
                _ = try auth.requireChange(request, csrfField: FormFields(body)["csrf"])
            } catch {
                return ConsoleResponse.jsonError(error)
            }
            auth.logout(request)
            var response = ConsoleResponse.redirect(to: "/login")
            response.setCookie(
                Cookie(name: ConsoleAuth.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
            )
            return response
        }
        router.get("/api/v1/session") { request, _ in
            let session = auth.session(of: request)
            return ConsoleResponse.json(
                SessionReply(
                    signedIn: session != nil,
                    csrf: session?.csrf ?? "",
                    loginRequiredToRead: auth.requiresLoginToRead
                )
            )
        }
    }

    private static func jsonToken(_ body: ByteBuffer) -> String? {
        try? JSONDecoder().decode([String: String].self, from: Data(body.readableBytesView))["token"]
    }
}
