#!/usr/bin/env python3
"""A terminal chat over GameClient, line for line like mqttgames-chat, so either can be the partner.
Each line on stdin goes to the partner; each event is one line on stdout:
    STATE <NAME>   a GameClient state change (CONNECTING, CONNECTED, READY, DISCONNECTED, IDLE)
    MSG <text>     a message from the partner
It exits when stdin closes (after disconnecting) or when the partner leaves.
"""

import argparse
import queue
import sys
import threading

from mqttclient import GameClient


def printEvent(kind, value):
    print(kind, value.replace("\n", "\\n"), flush=True)


def printPending(events):
    while not events.empty():
        kind, value = events.get()
        if kind in ("STATE", "MSG"):
            printEvent(kind, value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--topic", default=GameClient.DEFAULT_TOPIC)
    parser.add_argument("--name", default="Player")
    args = parser.parse_args()

    # The callbacks run on the network thread: they only post to this queue, and the main thread
    # below does the rest (as mqttgames' EventQueue does for a game's main loop).
    events = queue.Queue()
    client = GameClient(lambda state: events.put(("STATE", state)),
                        lambda text: events.put(("MSG", text)),
                        args.topic)
    client.setName(args.name)

    def readStdin():
        for line in sys.stdin:
            events.put(("LINE", line.rstrip("\n")))
        events.put(("EOF", None))

    threading.Thread(target=readStdin, daemon=True).start()
    if not client.connect(args.host, args.port):
        printPending(events)
        return 1

    while True:
        kind, value = events.get()
        if kind in ("STATE", "MSG"):
            printEvent(kind, value)
            if kind == "STATE" and value == "DISCONNECTED":
                break
        elif kind == "LINE":
            if not client.sendMessage(value):
                print("chat.py: not sent: no partner", file=sys.stderr, flush=True)
        elif kind == "EOF":
            break
    client.disconnect()
    printPending(events)  # the last state changes, IDLE among them
    return 0


if __name__ == "__main__":
    sys.exit(main())
