import Foundation

/// A TCP connection to 127.0.0.0/8 over a plain socket, for sending exactly the bytes a test
/// wants (half a request, any `Host` header) and seeing whether the server closed it.
public final class RawConnection: @unchecked Sendable {
    private let socket: Int32
    private var closedByPeer = false

    /// Connects to `host:port`.
    public init(host: String, port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw OracleError(message: "socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw OracleError(message: "connect \(host):\(port): \(reason)")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends `text` as it is.
    public func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw OracleError(message: "send: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads until the server closes the connection (10 s at most) and returns the text.
    public func readToEnd() -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether the server has closed the connection, without waiting.
    public var isClosedByPeer: Bool {
        if !closedByPeer {
            var byte: UInt8 = 0
            let count = recv(socket, &byte, 1, Int32(MSG_DONTWAIT))
            closedByPeer = count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
        }
        return closedByPeer
    }
}
