"""Drives a command in a pseudo-terminal, as a person at a keyboard would.

Reads a JSON script on stdin: {"argv": [...], "cwd": "...", "env": {...},
"steps": [{"expect": "text on screen", "send": "keys"}], "timeout": seconds}
and prints {"status": exit status, "output": everything the terminal showed}.
"""
import json
import os
import pty
import select
import sys
import time

script = json.load(sys.stdin)
pid, fd = pty.fork()
if pid == 0:
    os.chdir(script["cwd"])
    os.execvpe(script["argv"][0], script["argv"], script["env"])

output = b""
deadline = time.time() + script.get("timeout", 15)


def read_some(wait):
    global output
    ready, _, _ = select.select([fd], [], [], wait)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return False
        if not chunk:
            return False
        output += chunk
    return True


def clean(data):
    import re
    return re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", data).decode("utf-8", "replace")


for step in script["steps"]:
    while step["expect"] not in clean(output):
        if time.time() > deadline or not read_some(0.1):
            print(json.dumps({"status": None, "output": clean(output), "stuck_at": step["expect"]}))
            os.kill(pid, 9)
            sys.exit(0)
    time.sleep(0.05)
    os.write(fd, step["send"].encode("utf-8"))

while time.time() < deadline and read_some(0.1):
    pass
_, status = os.waitpid(pid, 0)
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
print(json.dumps({"status": code, "output": clean(output)}))
