"""MQTTClient and GameClient with the documented calls of the Python teaching library `mqttclient`
(`from mqttclient import *`), written on paho-mqtt (Debian: python3-paho-mqtt).

The library's documentation gives its calls but not its bytes; this module speaks mqttgames' wire
format (mqtt/src/GameWire.cpp), so it pairs with mqttgames' GameClient and mqttgames-chat:
    TEXT@SENDERID            every payload on a game topic
    _ENTERED,NAME,ADDRESS    the hello a player announces itself with
    _ENTERED,NAME,ADDRESS,to=ID   the answer that completes a pairing: only ID may pair on it
    DISCONNECT               sent when leaving, and registered as the MQTT will
As in the library, callbacks run on paho's network thread, not on the caller's.
Kept minimal: after its own connection is lost a GameClient stays DISCONNECTED (paho reconnects,
but the pair is not resumed), and it waits for no new partner once the first one left.
"""

import random
import string
import threading

import paho.mqtt.client as paho

CONNECT_TIMEOUT = 5.0  # seconds connect() and subscribe() wait for the broker


class MQTTClient:
    def __init__(self, messageReceived=None, username="", password=""):
        self._messageReceived = messageReceived
        self._verbose = False
        self._will = None
        self._onConnect = None  # GameClient's hook: runs after every accepted (re)connection
        self._onLost = None
        self._connected = threading.Event()
        self._subscribed = {}  # mid -> Event, set by the broker's SUBACK
        self._networkThread = None
        self._lock = threading.Lock()
        self._paho = paho.Client()
        if username:
            self._paho.username_pw_set(username, password)
        self._paho.on_connect = self._handleConnect
        self._paho.on_disconnect = self._handleDisconnect
        self._paho.on_message = self._handleMessage
        self._paho.on_subscribe = self._handleSubscribe

    def connect(self, host, port=1883, keepalive=60):
        """True once the broker accepted us, False otherwise (refused, no answer in 5 s)."""
        if self._will:
            self._paho.will_set(*self._will)
        try:
            self._paho.connect(host, port, keepalive)
        except OSError as error:
            self._log("connect failed: %s" % error)
            return False
        self._paho.loop_start()
        if not self._connected.wait(CONNECT_TIMEOUT):
            self._paho.loop_stop()
            return False
        return True

    def disconnect(self):
        self._paho.disconnect()  # queued after every publish made before: those go out first
        self._paho.loop_stop()
        self._connected.clear()

    def publish(self, topic, payload, qos=0, retain=False):
        if isinstance(payload, (int, float)):
            payload = str(payload)  # the documented conversion: 2.5 -> "2.5", True -> "True"
        info = self._paho.publish(topic, payload, qos, retain)
        return info.rc == paho.MQTT_ERR_SUCCESS

    def subscribe(self, topic, qos=0):
        """A topic, or a list of (topic, qos). Waits for the broker's acknowledgement."""
        done = threading.Event()
        with self._lock:  # the SUBACK may come before subscribe() returns its mid
            rc, mid = self._paho.subscribe(topic, qos)
            if rc != paho.MQTT_ERR_SUCCESS:
                return False
            self._subscribed[mid] = done
        if threading.current_thread() is self._networkThread:
            return True  # on the network thread the SUBACK cannot come while we wait for it
        return done.wait(CONNECT_TIMEOUT)

    def setVerbose(self, verbose):
        self._verbose = verbose

    def isConnected(self):
        return self._connected.is_set()

    def localAddress(self):
        sock = self._paho.socket()
        return sock.getsockname()[0] if sock else ""

    def _log(self, text):
        if self._verbose:
            print("[mqttclient]", text, flush=True)

    # Network thread from here on.
    def _handleConnect(self, client, userdata, flags, rc):
        self._log("connected, rc=%d" % rc)
        self._networkThread = threading.current_thread()
        if rc != 0:
            return
        self._connected.set()
        if self._onConnect:
            self._onConnect()

    def _handleDisconnect(self, client, userdata, rc):
        self._log("disconnected, rc=%d" % rc)
        self._connected.clear()
        if rc != 0 and self._onLost:
            self._onLost()

    def _handleSubscribe(self, client, userdata, mid, grantedQos):
        with self._lock:
            done = self._subscribed.pop(mid, None)
        if done:
            done.set()

    def _handleMessage(self, client, userdata, message):
        if self._messageReceived:
            self._messageReceived(message.topic, message.payload.decode("utf-8", "replace"))


class GameClient:
    DEFAULT_TOPIC = "/ch/aplu/mqtt/gameclient"

    def __init__(self, stateChanged, messageReceived, topic=DEFAULT_TOPIC):
        self._stateChanged = stateChanged
        self._messageReceived = messageReceived
        self._topic = topic
        self._id = "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(20))
        self._name = "Player"
        self._state = "IDLE"
        self._partnerId = ""
        self._partnerName = ""
        self._earlyHello = None  # a hello that came before our own came back
        self._lock = threading.RLock()
        self._client = None

    def connect(self, host, port=1883):
        self._client = MQTTClient(self._handleMessage)
        self._client._will = (self._topic, self._wire("DISCONNECT"), 0, False)
        self._client._onConnect = self._announceOnConnect
        self._client._onLost = lambda: self._setState("DISCONNECTED")
        self._setState("CONNECTING")
        if not self._client.connect(host, port):
            self._setState("DISCONNECTED")
            return False
        return True

    def sendMessage(self, text):
        if self.getState() != "READY":
            return False
        return self._client.publish(self._topic, self._wire(str(text)))

    def disconnect(self):
        if self._client is None:
            return
        if self._client.isConnected():
            self._client.publish(self._topic, self._wire("DISCONNECT"))
        self._client.disconnect()
        self._client = None
        self._setState("IDLE")

    def getState(self):
        with self._lock:
            return self._state

    # Not in the library's documentation; what mqttgames' GameClient offers beside it.
    def setName(self, name):
        self._name = name.replace(",", "_").replace("@", "_")

    def getPartnerName(self):
        with self._lock:
            return self._partnerName

    def isFirst(self):
        """Both sides agree without a message: the smaller id starts."""
        with self._lock:
            return self._partnerId != "" and self._id < self._partnerId

    def _wire(self, text):
        return text + "@" + self._id

    def _announce(self, to=""):
        hello = "_ENTERED,%s,%s" % (self._name, self._client.localAddress())
        if to:
            hello += ",to=" + to
        self._client.publish(self._topic, self._wire(hello))

    def _setState(self, state):
        with self._lock:
            if state == self._state:
                return
            self._state = state
        if self._stateChanged:
            self._stateChanged(state)

    # Network thread from here on.
    def _announceOnConnect(self):
        # SUBSCRIBE before the hello on one connection: our hello comes back once we are subscribed.
        self._client.subscribe(self._topic)
        self._announce()

    def _pairWith(self, sender, name):
        with self._lock:
            if self._state != "CONNECTED":
                return  # paired already: a third player cannot take over
            self._partnerId, self._partnerName = sender, name
        self._announce(to=sender)  # the answer, so that the partner pairs with us too
        self._setState("READY")

    def _handleMessage(self, topic, payload):
        text, at, sender = payload.rpartition("@")
        if not at or not sender:
            return  # no sender id: not the wire format
        isHello = text == "_ENTERED" or text.startswith("_ENTERED,")
        fields = text.split(",")
        name = fields[1] if len(fields) > 1 else ""
        addressee = next((f[3:] for f in fields[3:] if f.startswith("to=")), "")
        if isHello and addressee and addressee != self._id:
            return  # an answer to another player, who is taken now
        with self._lock:
            state, partner = self._state, self._partnerId
        if sender == self._id:
            if isHello and state == "CONNECTING":
                self._setState("CONNECTED")
                if self._earlyHello:
                    self._pairWith(*self._earlyHello)
            return
        if isHello:
            if state == "CONNECTING":
                self._earlyHello = self._earlyHello or (sender, name)
            elif sender != partner:
                self._pairWith(sender, name)
            return
        if state != "READY" or sender != partner:
            return  # not from our partner: not for us
        if text == "DISCONNECT":
            self._setState("DISCONNECTED")
        elif self._messageReceived:
            self._messageReceived(text)
