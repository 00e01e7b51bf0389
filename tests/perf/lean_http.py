#!/usr/bin/python3
"""A lean HTTP/1.1 keep-alive client for latency benchmarks (docs/performance.md, "Routes two ways").

Python's http.client parses every response's headers through the email package, about 0.1 ms a request on this
machine: more than some of the answers it times. This client sends prepared bytes and reads the status line, the
headers it needs (Content-Length, Transfer-Encoding) and the body, nothing else, so a timed call is the socket round
trip and the service's work, as wrk measures it.
"""
import socket


class LeanConnection:
    def __init__(self, host, port, timeout=120):
        self._host = host
        self._socket = socket.create_connection((host, port), timeout=timeout)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._buffer = b""

    def request(self, method, path, body=b"", headers=None):
        """Sends one request and returns (status, body bytes) once the whole answer is in."""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self._host}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self._socket.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        head = self._until(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        fields = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
        if "content-length" in fields:
            return status, self._exactly(int(fields["content-length"]))
        if fields.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int(self._until(b"\r\n").split(b";", 1)[0], 16)
                if size == 0:
                    self._until(b"\r\n")  # no trailers are sent; the last chunk's line end
                    return status, b"".join(parts)
                parts.append(self._exactly(size))
                self._exactly(2)
        return status, b""

    def _fill(self):
        data = self._socket.recv(65536)
        if not data:
            raise ConnectionError("the server closed the connection")
        self._buffer += data

    def _until(self, marker):
        while (end := self._buffer.find(marker)) < 0:
            self._fill()
        found, self._buffer = self._buffer[:end], self._buffer[end + len(marker):]
        return found

    def _exactly(self, size):
        while len(self._buffer) < size:
            self._fill()
        found, self._buffer = self._buffer[:size], self._buffer[size:]
        return found

    def close(self):
        self._socket.close()
