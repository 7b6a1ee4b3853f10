"""One archive of the built app, the same bytes for the same files.

Members are sorted, every date is the build's fixed time (`SOURCE_DATE_EPOCH`),
owners are 0 and permissions only "executable or not": packing a folder twice,
or two builds' folders with the same files, gives identical archives.
"""

from __future__ import annotations

import gzip
import os
import stat
import tarfile
import time
import zipfile
from pathlib import Path

ZIP_EARLIEST = 315532800  # 1980-01-01: a zip cannot date anything earlier


def members(folder: Path) -> list[Path]:
    """Every folder, file and link under `folder`, sorted by their path (links are not followed)."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        found += [Path(root) / name for name in folders + files]
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def _mode(path: Path) -> int:
    if path.is_symlink():
        return 0o777
    executable = path.is_dir() or path.stat().st_mode & stat.S_IXUSR
    return 0o755 if executable else 0o644


def pack(folder: Path, top: str, archive: Path, epoch: int) -> None:
    """Write `folder`'s contents into `archive` (.zip or .tar.gz by its name) under one folder `top`."""
    if archive.name.endswith(".zip"):
        _zip(folder, top, archive, epoch)
    else:
        _tar_gz(folder, top, archive, epoch)


def _tar_gz(folder: Path, top: str, archive: Path, epoch: int) -> None:
    with archive.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as packed:
        with tarfile.open(fileobj=packed, mode="w", format=tarfile.GNU_FORMAT) as tar:
            tar.addfile(_tar_info(folder, top, epoch))
            for path in members(folder):
                info = _tar_info(path, f"{top}/{path.relative_to(folder).as_posix()}", epoch)
                if info.isreg():
                    with path.open("rb") as data:
                        tar.addfile(info, data)
                else:
                    tar.addfile(info)


def _tar_info(path: Path, name: str, epoch: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.mtime, info.mode, info.uid, info.gid, info.uname, info.gname = epoch, _mode(path), 0, 0, "", ""
    if path.is_symlink():
        info.type, info.linkname = tarfile.SYMTYPE, os.readlink(path)
    elif path.is_dir():
        info.type = tarfile.DIRTYPE
    else:
        info.size = path.stat().st_size
    return info


def _zip(folder: Path, top: str, archive: Path, epoch: int) -> None:
    """Unix permissions and symbolic links (a macOS `.app` has both) are kept as Info-ZIP keeps them."""
    stamp = time.gmtime(max(epoch, ZIP_EARLIEST))[:6]
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as packed:
        for path in [folder, *members(folder)]:
            name = top + ("/" + path.relative_to(folder).as_posix() if path != folder else "")
            link, directory = path.is_symlink(), path.is_dir() and not path.is_symlink()
            info = zipfile.ZipInfo(name + "/" * directory, date_time=stamp)
            info.create_system = 3  # Unix: unpackers honour the permission bits below
            kind = stat.S_IFLNK if link else stat.S_IFDIR if directory else stat.S_IFREG
            info.external_attr = (kind | _mode(path)) << 16 | (0x10 if directory else 0)
            info.compress_type = zipfile.ZIP_STORED if directory or link else zipfile.ZIP_DEFLATED
            data = os.readlink(path).encode() if link else b"" if directory else path.read_bytes()
            packed.writestr(info, data)
