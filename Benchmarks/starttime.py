#!/usr/bin/env python3
"""Start to first frame of `ecwid-edit edit ID`, timed from a pty of its own (no tmux, no polling).

Usage: python3 Benchmarks/starttime.py BINARY STORE.json [RUNS]
  BINARY  a release ecwid-edit (scripts/bench builds one; see Benchmarks/README.md)
  STORE   a sandbox data file, e.g. from `ecwid-bench --dump-huge /tmp/huge-store.json`

Starts `BINARY sandbox --data STORE` on a free port, then RUNS times: forks a 200x60 pty, execs
`BINARY edit ID` in it with a fresh state directory, and reads the pty until the first product's
name appears. vim -u NONE opening the product's JSON is timed the same way, for scale. Prints p50,
min and max of each. (scripts/bench's start row is timed the same way, on a pty of its own.)
"""
import fcntl, json, os, pty, re, select, shutil, signal, struct, subprocess, sys, tempfile, termios, time


def timed_start(argv, env, needle, size=(60, 200)):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    seen, buf = None, b""
    while time.monotonic() - t0 < 20:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        buf += chunk
        if needle in buf:
            seen = time.monotonic()
            break
    os.write(fd, b"\x1b:q!\r" if "vim" in argv[0] else b"q")
    time.sleep(0.15)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return None if seen is None else (seen - t0) * 1000


def summary(label, times):
    times = sorted(t for t in times if t is not None)
    if not times:
        return f"{label}: no run showed the name"
    return f"{label}: p50 {times[len(times) // 2]:.1f} ms, min {times[0]:.1f}, max {times[-1]:.1f} ({len(times)} runs)"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, store = os.path.abspath(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
    token = "secret_starttime"
    product = json.load(open(store))["products"][0]
    name, pid = product["name"].encode(), product["id"]
    sandbox = subprocess.Popen(
        [binary, "sandbox", "--port", "0", "--token", token, "--data", store],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    port = None
    for line in sandbox.stdout:
        found = re.search(r"127\.0\.0\.1:(\d+)", line)
        if found:
            port = found.group(1)
            break
    if port is None:
        sys.exit("the sandbox did not start")
    scratch = tempfile.mkdtemp(prefix="starttime-")
    try:
        editor = []
        for k in range(runs):
            state = os.path.join(scratch, f"state-{k}")
            os.makedirs(state)
            env = dict(os.environ, ECWID_API_URL=f"http://127.0.0.1:{port}/api/v3", ECWID_STORE_ID="1003",
                       ECWID_TOKEN=token, XDG_STATE_HOME=state, XDG_CONFIG_HOME=state, TERM="tmux-256color")
            editor.append(timed_start([binary, "edit", str(pid)], env, name))
        print(summary("ecwid-edit edit", editor))
        if shutil.which("vim"):
            path = os.path.join(scratch, "product.json")
            with open(path, "w") as f:
                json.dump(product, f, ensure_ascii=False, separators=(",", ":"))
            env = dict(os.environ, TERM="tmux-256color")
            vim = [timed_start(["vim", "-u", "NONE", "-i", "NONE", "-N", "-n", "-R", path], env, name) for _ in range(runs)]
            print(summary("vim -u NONE, same JSON", vim))
    finally:
        sandbox.kill()
        shutil.rmtree(scratch, ignore_errors=True)


main()
