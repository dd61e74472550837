import Hummingbird

/// Answers 421 Misdirected Request to requests whose `Host` header ``AllowedHosts`` refuses,
/// before any route sees them; `/healthz`, `/readyz` and `/metrics` are exempt, since
/// Kubernetes probes and Prometheus address pods by IP.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The paths answered whatever the `Host` header.
    static var exemptPaths: Set<String> { ["/healthz", "/readyz", "/metrics"] }

    let allowed: AllowedHosts

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard Self.exemptPaths.contains(request.uri.path) || allowed.permits(request.head.authority) else {
            let host = request.head.authority ?? "(none)"
            let text =
                "421 Misdirected Request: this console does not answer to the host \(host); "
                + "name it with the JobTracker's --console-host\n"
            return Response(
                status: .misdirectedRequest,
                headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text))
            )
        }
        return try await next(request, context)
    }
}
