#!/usr/bin/env python3
"""A small load generator that keeps what it was answered.

Sends GET requests to a tracked link over keep-alive connections for a while (or until
the server dies) and writes the click token (amb_ct) of every 302 it received to a file,
one per line. Prints how many 302s and other answers it got. Standard library only.

Usage: loadcheck.py URL --seconds S --connections C --out FILE
"""
import argparse
import asyncio
import time
import urllib.parse

UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"


async def worker(host, port, path, deadline, tokens, counts):
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        counts["refused"] += 1
        return
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: {UA}\r\n\r\n".encode()
    try:
        while time.monotonic() < deadline:
            writer.write(request)
            await writer.drain()
            status = await reader.readline()
            if not status:
                return
            code = int(status.split()[1])
            length = 0
            location = None
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value.strip())
                elif name == "location":
                    location = value.strip()
            if length:
                await reader.readexactly(length)
            if code == 302 and location:
                query = urllib.parse.urlsplit(location).query
                token = urllib.parse.parse_qs(query).get("amb_ct", [None])[0]
                if token:
                    tokens.append(token)
                counts["302"] += 1
            else:
                counts["other"] += 1
    except (OSError, asyncio.IncompleteReadError, IndexError, ValueError):
        counts["broken"] += 1
    finally:
        writer.close()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    u = urllib.parse.urlsplit(a.url)
    tokens, counts = [], {"302": 0, "other": 0, "broken": 0, "refused": 0}
    deadline = time.monotonic() + a.seconds
    await asyncio.gather(*(worker(u.hostname, u.port, u.path, deadline, tokens, counts) for _ in range(a.connections)))
    with open(a.out, "w") as f:
        f.write("\n".join(tokens) + ("\n" if tokens else ""))
    print(f"302: {counts['302']} other: {counts['other']} broken connections: {counts['broken']} refused: {counts['refused']}")


asyncio.run(main())
