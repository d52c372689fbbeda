"""Reading what a user names on the command line, and printing what came out of it, safely.

Every read is capped before it is made (a multi-gigabyte file, /dev/zero or a stuck pipe
must not eat memory or hang), archives are regular files only, and text that came from a
file or a post is made printable before it reaches a terminal: an escape sequence in a post
must not recolour, retitle or rewrite the user's terminal.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys

MB = 1024 * 1024


class InputError(Exception):
    """Input the command cannot use; the message is the one line the user sees."""


def reason(error: OSError) -> str:
    """An OSError in plain words (a full disk or quota says so, not just an errno)."""
    if error.errno == errno.ENOSPC:
        return "the disk is full (no space left on the device)"
    if error.errno == errno.EDQUOT:
        return "your disk quota is used up"
    if error.errno == errno.EFBIG:
        return "the file would be bigger than this file system allows"
    return error.strerror or str(error)


def size_words(size: int) -> str:
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.3g} GB"
    if size >= MB:
        return f"{size / MB:.3g} MB"
    return f"{(size + 1023) // 1024} KB"


def read_capped(path: str, limit: int, what: str = "") -> bytes:
    """The bytes of `path` ("-": stdin), refusing more than `limit` before reading them all;
    `what` ends the message about a file too big ("; a config is at most 256 KB")."""
    label = "stdin" if path == "-" else path
    too_big = label + ": bigger than " + size_words(limit) + what
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                    raise InputError(too_big)
                data = handle.read(limit + 1)
    except OSError as error:
        raise InputError("cannot read " + label + ": " + reason(error)) from None
    if len(data) > limit:
        raise InputError(too_big)
    return data


KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def regular_or_folder(path: str) -> bool:
    """True for a folder, False for a regular file; InputError for anything else.

    Symbolic links are refused too (the path itself, not the folders above it): an archive
    is data someone else made, and a link named tweets.js could point at any file on this
    machine, whose first words an error message would then print."""
    try:
        info = os.lstat(path)
    except OSError as error:
        if error.errno == errno.ENOENT:
            raise InputError(path + ": no such file or folder") from None
        raise InputError("cannot read " + path + ": " + reason(error)) from None
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        raise InputError(
            path
            + ": a symbolic link (to "
            + printable(target)
            + "); give the archive itself, not a link to it"
        )
    if stat.S_ISDIR(info.st_mode):
        return True
    if stat.S_ISREG(info.st_mode):
        return False
    kind = next((name for test, name in KINDS if test(info.st_mode)), "not a regular file")
    raise InputError(path + ": " + kind + ", not a file; give the archive's .zip, folder or file")


def open_regular(path: str) -> int:
    """A file descriptor of `path` opened for reading, if it is a regular file (no link, pipe
    or device; opened without blocking so a pipe cannot hang us between check and open)."""
    regular_or_folder(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise InputError("cannot read " + path + ": " + reason(error)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(path + ": not a regular file")
    return fd


# Terminal control characters made visible: C0 (but line feed and tab) as the Unicode
# control pictures (ESC shows as ␛), DEL as ␡, C1 (CSI, OSC... in 8-bit form) as �.
_PICTURES = {code: chr(0x2400 + code) for code in range(32) if code not in (9, 10)}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_SAFE = str.maketrans(_PICTURES)


def printable(text: str) -> str:
    """`text` with every terminal control character replaced by a visible one of the same
    width (one column each, so caret underlines stay aligned)."""
    return text.translate(_SAFE)


def one_line(text: str) -> str:
    """A message as one printable line (an error must never run over several)."""
    return printable(" ".join(text.splitlines()).replace("\t", " "))


_JSON_C1 = str.maketrans({code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)})


def dumps_json(value: object, indent: int | None = 2) -> str:
    """JSON as the commands print it: raw non-ASCII, but DEL and C1 controls escaped (JSON
    escapes C0 itself), so even JSON piped to a terminal cannot drive it. Still valid JSON:
    those characters only ever occur inside strings."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON_C1)


def examples(*lines: str) -> str:
    """An epilog of example command lines (every command's --help ends with some)."""
    return "examples:\n" + "\n".join("  " + line for line in lines)
