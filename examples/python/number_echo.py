#!/usr/bin/env python3
"""Reads each number arriving on TOPIC/in and publishes it back, as a number, on TOPIC/out.
publish() turns a number into text as Python writes it (str), so a sender whose numbers come back
unchanged writes them as Python does. Prints SUBSCRIBED once listening; ends when stdin closes.

    number_echo.py HOST PORT TOPIC
"""

import sys

from mqttclient import MQTTClient


def toNumber(text):
    try:
        return int(text)
    except ValueError:
        return float(text)


def main():
    host, port, topic = sys.argv[1], int(sys.argv[2]), sys.argv[3]

    def echo(_, text):  # network thread
        try:
            client.publish(topic + "/out", toNumber(text))
        except ValueError:
            print("number_echo.py: not a number:", text, file=sys.stderr, flush=True)

    client = MQTTClient(echo)
    if not client.connect(host, port) or not client.subscribe(topic + "/in"):
        return 1
    print("SUBSCRIBED", flush=True)
    sys.stdin.read()
    client.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
