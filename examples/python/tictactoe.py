#!/usr/bin/env python3
"""Plays one round of mqttgames' tic-tac-toe from Python: the smallest program that speaks a game's
JSON messages. It takes the first free cell each turn, prints one line per event, says bye, leaves.
    READY <X|O>        paired; X starts
    MOVE <cell>        our move (cells 1-9, row by row from the top left)
    PARTNER <cell>     the partner's move
    OVER <X|O|draw>    the round is over
With a broker on localhost:1883, try it against: mqttgames tictactoe --headless --bot medium --room test
"""

import argparse
import json
import queue
import sys

from mqttclient import GameClient

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(board):
    for a, b, c in LINES:
        if board[a] and board[a] == board[b] == board[c]:
            return board[a]
    return "draw" if all(board) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--room", default="lobby")
    args = parser.parse_args()

    def message(type, **fields):
        return json.dumps(dict(game="tictactoe", v=1, type=type, **fields))

    events = queue.Queue()  # network thread -> this one
    client = GameClient(lambda state: events.put(("STATE", state)),
                        lambda text: events.put(("MSG", text)),
                        "/ch/aplu/mqtt/gameclient/tictactoe/" + args.room)
    client.setName("Python")
    if not client.connect(args.host, args.port):
        return 1

    board = [None] * 9
    me = None
    seen = 0  # the highest "seq" received: ours resends until it hears from us
    while winner(board) is None:
        kind, value = events.get()
        if kind == "STATE" and value == "READY":
            me = "X" if client.isFirst() else "O"
            print("READY", me, flush=True)
            client.sendMessage(message("hello", name="Python"))
        elif kind == "STATE" and value == "DISCONNECTED":
            return 1
        elif kind == "MSG":
            try:
                msg = json.loads(value)
            except ValueError:
                continue
            if msg.get("type") != "move" or msg.get("seq", seen + 1) <= seen:
                continue  # an ack, a hello, a copy sent again
            seen = msg.get("seq", seen)
            board[msg["cell"] - 1] = "O" if me == "X" else "X"
            print("PARTNER", msg["cell"], flush=True)
        if me and winner(board) is None and board.count("X") - board.count("O") == (0 if me == "X" else 1):
            cell = board.index(None) + 1
            board[cell - 1] = me
            print("MOVE", cell, flush=True)
            client.sendMessage(message("move", round=1, cell=cell))
    print("OVER", winner(board), flush=True)
    client.sendMessage(message("bye"))
    client.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
