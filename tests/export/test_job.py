"""Reliability: cancel and failure leave nothing, no overwrite without --force, missing originals,
unsafe names, HTML injection in collection texts, determinism, the process pool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.collections import edit_collection
from photoarchive.edits import apply_edit
from photoarchive.errors import ExportError, ValidationError
from photoarchive.export import ExportJob, ExportOptions
from photoarchive.export import job as job_module
from photoarchive.export.output import MARKER
from tests.export.conftest import export, files_of


def _job(catalog: Catalog, target: Path, fmt: str = "gallery", **options: object) -> ExportJob:
    options.setdefault("workers", 0)
    return ExportJob(catalog, "shumshu", ExportOptions(format=fmt, target=target, **options))  # type: ignore[arg-type]


def test_cancel_leaves_nothing(shumshu: Catalog, tmp_path: Path) -> None:
    parent = tmp_path / "out"
    parent.mkdir()
    job = _job(shumshu, parent / "gallery")
    seen = []
    for progress in job.run(cancelled=lambda: len(seen) >= 3):
        seen.append(progress)
    assert job.summary and job.summary.cancelled and not job.summary.ok
    assert [p.outcome for p in seen] == ["exported"] * 3
    assert list(parent.iterdir()) == []  # no target, no temporary folder


def test_stopping_iteration_leaves_nothing(shumshu: Catalog, tmp_path: Path) -> None:
    parent = tmp_path / "out"
    parent.mkdir()
    run = _job(shumshu, parent / "package", "package").run()
    next(run)
    run.close()  # the GUI's worker or a script gave up half-way
    assert list(parent.iterdir()) == []


def test_pool_cancel_waits_for_workers_and_leaves_nothing(shumshu: Catalog, tmp_path: Path) -> None:
    parent = tmp_path / "out"
    parent.mkdir()
    job = _job(shumshu, parent / "gallery", workers=2)
    done = []
    for progress in job.run(cancelled=lambda: len(done) >= 2):
        done.append(progress)
    assert job.summary and job.summary.cancelled
    assert list(parent.iterdir()) == []


def test_failure_leaves_nothing(shumshu: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_writer(*args: object) -> None:
        raise OSError(28, "No space left on device")

    renditions, roles, _ = job_module._FORMATS["post"]
    monkeypatch.setitem(job_module._FORMATS, "post", (renditions, roles, broken_writer))
    parent = tmp_path / "out"
    parent.mkdir()
    with pytest.raises(ExportError, match="No space left on device"):
        list(_job(shumshu, parent / "post", "post").run())
    assert list(parent.iterdir()) == []


def test_target_is_never_overwritten_by_mistake(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "gallery"
    export(shumshu, "gallery", target, long_edge=100, thumbnail=50)
    before = files_of(target)
    with pytest.raises(ExportError, match="already exists; use --force"):
        _job(shumshu, target)
    assert files_of(target) == before
    export(shumshu, "gallery", target, long_edge=120, thumbnail=50, force=True)  # an earlier export: replaced
    assert files_of(target) != before and (target / MARKER).is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["gallery"]

    own = tmp_path / "my photos"
    own.mkdir()
    (own / "holiday.jpg").write_bytes(b"precious")
    with pytest.raises(ExportError, match="not a Photo Archive export"):
        _job(shumshu, own, force=True)
    assert (own / "holiday.jpg").read_bytes() == b"precious"
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        _job(shumshu, tmp_path / "file", force=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    export(shumshu, "post", empty, long_edge=100)  # an empty folder may be used
    assert (empty / "post.html").is_file()


def test_missing_and_unreadable_originals_stop_nothing(
    small_archive: tuple[Catalog, list[int]], tmp_path: Path
) -> None:
    catalog, order = small_archive
    missing, damaged, fine = (catalog.photo(i) for i in order)
    catalog.original_file(missing).unlink()
    catalog.original_file(damaged).write_bytes(catalog.original_file(damaged).read_bytes()[:400])
    target = tmp_path / "gallery"
    summary = export(catalog, "gallery", target)
    assert summary.exported == 1 and not summary.ok
    assert [(p.photo_id, p.name) for p in summary.missing] == [(missing.id, missing.original_name)]
    assert "missing from the archive" in summary.missing[0].reason
    assert [p.photo_id for p in summary.failed] == [damaged.id]
    assert str(catalog.paths.root) not in summary.failed[0].reason  # a reason, not a path dump
    assert len(list((target / "photos").glob("*.html"))) == 1
    index = (target / "index.html").read_text(encoding="utf-8")
    assert index.count("<figure>") == 1

    catalog.original_file(fine).unlink()
    catalog.original_file(damaged).unlink()
    with pytest.raises(ExportError, match="none of the 3 photos"):
        export(catalog, "gallery", tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


def test_unsafe_names_and_injected_collection_texts(small_archive: tuple[Catalog, list[int]], tmp_path: Path) -> None:
    catalog, order = small_archive
    titles = ["../../etc/passwd", "CON", "Same"]
    for photo_id, title in zip(order, titles, strict=True):
        apply_edit(catalog, [photo_id], {"title": title, "sublocation": 'a/b\\c:d*e?f"g<h>i|j'})
    edit_collection(
        catalog,
        "shumshu",
        title="<img src=x onerror=alert(1)> & «Шумшу»",
        source="<b>Source</b>",
        categories=[("<i>Label</i>", "<script>v</script>")],
    )
    target = tmp_path / "package"
    export(catalog, "package", target, name_template="{title}", long_edge=100)
    names = sorted(p.name for p in (target / "images").iterdir())
    assert names == ["Same.jpg", "_CON.jpg", "etc_passwd.jpg"]
    export(catalog, "package", tmp_path / "same", name_template="{sublocation}", long_edge=100)
    assert sorted(p.name for p in (tmp_path / "same" / "images").iterdir()) == [
        "a_b_c_d_e_f_g_h_i_j-2.jpg",
        "a_b_c_d_e_f_g_h_i_j-3.jpg",
        "a_b_c_d_e_f_g_h_i_j.jpg",
    ]
    gallery = tmp_path / "gallery"
    export(catalog, "gallery", gallery, long_edge=100)
    for page in gallery.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<script>v" not in html and "<b>Source" not in html
        assert "<i>Label" not in html
    index = (gallery / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; «Шумшу»" in index and "&lt;script&gt;v&lt;/script&gt;" in index


@pytest.mark.parametrize("fmt", ["gallery", "package", "post"])
def test_exporting_twice_gives_identical_files(shumshu: Catalog, tmp_path: Path, fmt: str) -> None:
    options = {"long_edge": 200, "thumbnail": 80, "burn_credit": "© {creator}", "location_precision": "1km"}
    export(shumshu, fmt, tmp_path / "first", **options)
    export(shumshu, fmt, tmp_path / "second", **options)
    first, second = files_of(tmp_path / "first"), files_of(tmp_path / "second")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_process_pool_gives_the_same_files(small_archive: tuple[Catalog, list[int]], tmp_path: Path) -> None:
    catalog, _ = small_archive
    export(catalog, "gallery", tmp_path / "inline", workers=0, long_edge=200)
    summary = export(catalog, "gallery", tmp_path / "pool", workers=2, long_edge=200)
    assert summary.ok and files_of(tmp_path / "inline") == files_of(tmp_path / "pool")


@pytest.mark.parametrize("workers", [2, 0])
def test_workers_start_while_the_publication_is_planned(
    shumshu: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    started: list[list[str]] = []
    planned_after: list[list[list[str]]] = []
    plan = job_module.plan_publication

    def planning(*args: Any, **kwargs: Any) -> Any:
        planned_after.append(list(started))
        return plan(*args, **kwargs)

    monkeypatch.setattr(job_module, "start_workers", lambda modules: started.append(list(modules)))
    monkeypatch.setattr(job_module, "plan_publication", planning)
    run = _job(shumshu, tmp_path / "gallery", workers=workers).run()
    next(run)
    run.close()
    # The fork server imports the render module while the main process plans; inline, no server.
    assert planned_after == ([[["photoarchive.export.render"]]] if workers else [[]])


def test_options_are_checked_before_anything_starts(shumshu: Catalog, tmp_path: Path) -> None:
    bad = [
        {"format": "pdf"},
        {"quality": 0},
        {"long_edge": 5},
        {"location_precision": "100m"},
        {"metadata": "some"},
        {"name_template": "{sequence}_{photographer}"},
        {"caption_template": "{caption"},
        {"burn_credit": "© {owner}"},
        {"zip": True},
    ]
    for options in bad:
        values = {"format": "gallery", "target": tmp_path / "x", **options}
        with pytest.raises(ValidationError):
            ExportJob(shumshu, "shumshu", ExportOptions(**values))  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
