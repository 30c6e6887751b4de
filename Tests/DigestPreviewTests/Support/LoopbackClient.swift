import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, so the tests talk to the real server as a
/// browser does without pulling in a client library. Every read has a deadline: a test fails,
/// it never hangs. Blocking calls run on a dispatch queue, never on the cooperative threads
/// the server needs.
struct LoopbackResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct LoopbackError: Error, CustomStringConvertible {
    var description: String
}

enum LoopbackClient {
    static func get(_ path: String, port: Int, timeout: Double = 90) async throws -> LoopbackResponse {
        try await offThread {
            let socket = try LoopbackSocket(port: port, timeout: timeout)
            try socket.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            var reader = HTTPReader(socket: socket, deadline: Date().addingTimeInterval(timeout))
            let (status, headers) = try reader.head()
            var body: [UInt8] = []
            if headers["transfer-encoding"]?.lowercased() == "chunked" {
                while let chunk = try reader.chunk() { body += chunk }
            } else if let length = headers["content-length"].flatMap(Int.init) {
                body = try reader.bytes(length)
            } else {
                body = try reader.rest()
            }
            return LoopbackResponse(status: status, headers: headers, body: body)
        }
    }

    static func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// An open `text/event-stream` response, read event by event.
final class EventStream: @unchecked Sendable {
    private let socket: LoopbackSocket
    private var reader: HTTPReader
    private var pending = ""
    let status: Int
    let headers: [String: String]

    /// One event: its `event:` name and its `data:` line.
    struct Event: Sendable {
        var name: String
        var data: String
    }

    private init(socket: LoopbackSocket, reader: HTTPReader, status: Int, headers: [String: String]) {
        self.socket = socket
        self.reader = reader
        self.status = status
        self.headers = headers
    }

    static func open(_ path: String, port: Int, timeout: Double = 90) async throws -> EventStream {
        try await LoopbackClient.offThread {
            let socket = try LoopbackSocket(port: port, timeout: timeout)
            try socket.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            var reader = HTTPReader(socket: socket, deadline: Date().addingTimeInterval(timeout))
            let (status, headers) = try reader.head()
            return EventStream(socket: socket, reader: reader, status: status, headers: headers)
        }
    }

    /// The next event named `name`, skipping others; throws when `timeout` passes first or
    /// the stream ends.
    func next(_ name: String, timeout: Double = 90) async throws -> Event {
        try await LoopbackClient.offThread { [self] in
            reader.deadline = Date().addingTimeInterval(timeout)
            while true {
                while let end = pending.range(of: "\n\n") {
                    let block = pending[..<end.lowerBound]
                    pending = String(pending[end.upperBound...])
                    var event = Event(name: "message", data: "")
                    for line in block.split(separator: "\n") {
                        if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
                    }
                    if event.name == name { return event }
                }
                guard let chunk = try reader.chunk() else {
                    throw LoopbackError(description: "the event stream ended before a `\(name)` event")
                }
                pending += String(decoding: chunk, as: UTF8.self)
            }
        }
    }

    /// True when the server ends the stream (as it does when it stops) within `timeout`.
    func ends(within timeout: Double) async -> Bool {
        (try? await LoopbackClient.offThread { [self] () -> Bool in
            reader.deadline = Date().addingTimeInterval(timeout)
            do {
                while try reader.chunk() != nil {}
                return true
            } catch let error as LoopbackError {
                return error.description.contains("closed")
            }
        }) ?? false
    }
}

/// Reads an HTTP/1.1 response off a socket, with a deadline.
struct HTTPReader {
    let socket: LoopbackSocket
    var deadline: Date
    private var buffer: [UInt8] = []

    init(socket: LoopbackSocket, deadline: Date) {
        self.socket = socket
        self.deadline = deadline
    }

    mutating func head() throws -> (Int, [String: String]) {
        let lines = try line(until: [13, 10, 13, 10])
        let text = String(decoding: lines, as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = text.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3))
        else { throw LoopbackError(description: "not an HTTP response: \(text.first ?? "")") }
        var headers: [String: String] = [:]
        for line in text.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// The next chunk of a chunked body; nil after the last one.
    mutating func chunk() throws -> [UInt8]? {
        let sizeLine = String(decoding: try line(until: [13, 10]), as: UTF8.self)
        guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
            throw LoopbackError(description: "bad chunk size \(sizeLine)")
        }
        if size == 0 {
            _ = try? line(until: [13, 10])
            return nil
        }
        let chunk = try bytes(size)
        _ = try bytes(2)
        return chunk
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    mutating func rest() throws -> [UInt8] {
        while (try? fill()) != nil {}
        defer { buffer = [] }
        return buffer
    }

    /// The bytes before `separator`, which is consumed.
    private mutating func line(until separator: [UInt8]) throws -> [UInt8] {
        while true {
            if let end = find(separator) {
                let line = Array(buffer[..<end])
                buffer.removeFirst(end + separator.count)
                return line
            }
            try fill()
        }
    }

    private func find(_ separator: [UInt8]) -> Int? {
        guard buffer.count >= separator.count else { return nil }
        for i in 0...(buffer.count - separator.count) where buffer[i..<(i + separator.count)].elementsEqual(separator) {
            return i
        }
        return nil
    }

    private mutating func fill() throws {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { throw LoopbackError(description: "timed out waiting for the server") }
        let more = try socket.receive(timeout: left)
        guard !more.isEmpty else { throw LoopbackError(description: "the server closed the connection") }
        buffer += more
    }
}

/// A TCP connection to 127.0.0.1.
final class LoopbackSocket: @unchecked Sendable {
    let fd: Int32

    init(port: Int, timeout: Double) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackError(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw LoopbackError(description: "cannot connect to 127.0.0.1:\(port) (errno \(errno))")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw LoopbackError(description: "send failed (errno \(errno))") }
            sent += n
        }
    }

    /// Waits at most `timeout` seconds for bytes; empty when the peer closed.
    func receive(timeout: Double) throws -> [UInt8] {
        var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, Int32(max(1, min(timeout * 1000, 600_000))))
        guard ready > 0 else { throw LoopbackError(description: "timed out waiting for the server") }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { throw LoopbackError(description: "recv failed (errno \(errno))") }
        return Array(buffer[..<n])
    }
}
