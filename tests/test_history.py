"""When each authority last changed: the newest commit touching its file, from git."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from conftest import calls

from tracker.history import changes, last_changed


def git(repo: Path, *args: str, date: str = "2026-01-01T12:00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@exampleshire.gov.uk",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@exampleshire.gov.uk",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "content" / "authorities").mkdir(parents=True)
    return tmp_path


def write(repo: Path, slug: str, text: str) -> Path:
    path = repo / "content" / "authorities" / f"{slug}.yaml"
    path.write_text(text)
    return path


def test_the_newest_commit_of_each_file_and_nothing_for_uncommitted_ones(repo: Path) -> None:
    alpha = write(repo, "alpha", "name: Alpha\n")
    beta = write(repo, "beta", "name: Beta\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "both", date="2025-03-04T10:00:00")
    alpha.write_text("name: Alpha Council\n")
    git(repo, "commit", "-q", "-am", "alpha again", date="2026-05-06T23:30:00")
    gamma = write(repo, "gamma", "name: Gamma\n")  # never committed
    found = last_changed({"alpha": alpha, "beta": beta, "gamma": gamma})
    assert found == {"alpha": dt.date(2026, 5, 6), "beta": dt.date(2025, 3, 4)}


def test_a_renamed_file_takes_the_date_of_its_rename(repo: Path) -> None:
    old = write(repo, "old-name", "name: Old\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "old", date="2024-01-01T00:00:00")
    new = old.with_name("new-name.yaml")
    git(repo, "mv", str(old), str(new))
    git(repo, "commit", "-q", "-m", "rename", date="2024-02-02T00:00:00")
    assert last_changed({"new-name": new}) == {"new-name": dt.date(2024, 2, 2)}


def test_outside_a_git_checkout_there_are_no_dates(tmp_path: Path) -> None:
    folder = tmp_path / "plain" / "authorities"
    folder.mkdir(parents=True)
    path = folder / "alpha.yaml"
    path.write_text("name: Alpha\n")
    assert last_changed({"alpha": path}) == {}
    assert last_changed({}) == {}


def test_the_date_is_the_commit_date_in_its_own_time_zone(repo: Path) -> None:
    path = write(repo, "alpha", "name: Alpha\n")
    git(repo, "add", ".")
    # 23:30 in London on 31 March is already 1 April in UTC+10; the commit's own date counts.
    git(repo, "commit", "-q", "-m", "late", date="2026-03-31T23:30:00+01:00")
    assert last_changed({"alpha": path}) == {"alpha": dt.date(2026, 3, 31)}


def test_a_commit_dated_past_the_year_9999_dates_nothing(repo: Path) -> None:
    # git takes such a date; Python's dates end at 9999. Every build reads every commit.
    path = write(repo, "alpha", "name: Alpha\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first", date="2025-03-04T10:00:00")
    path.write_text("name: Alpha Council\n")
    git(repo, "commit", "-q", "-am", "far future", date="@253402300800 +0000")
    assert last_changed({"alpha": path}) == {"alpha": dt.date(2025, 3, 4)}


def changed_since_main(repo: Path) -> Path:
    """Four files on main; then, on top, a committed rename and deletion, and three uncommitted changes."""
    folder = repo / "content" / "authorities"
    for slug in ("alpha", "beta", "gamma", "delta"):
        write(repo, slug, f"name: {slug.title()} Council\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "four")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # as if pushed
    git(repo, "mv", "content/authorities/alpha.yaml", "content/authorities/alpha-2.yaml")
    git(repo, "rm", "-q", "content/authorities/beta.yaml")
    git(repo, "commit", "-q", "-m", "rename alpha, delete beta")
    git(repo, "mv", "content/authorities/alpha-2.yaml", "content/authorities/alpha-3.yaml")  # staged
    (folder / "gamma.yaml").unlink()  # not staged
    (folder / "delta.yaml").rename(folder / "delta-2.yaml")  # outside git: to git, a deletion
    return folder


PRESENT = {"alpha-3", "delta-2"}


def test_with_nothing_to_join_only_what_is_not_yet_committed_has_moved(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    folder = changed_since_main(repo)
    # The committed rename and deletion were reviewed when they were made.
    assert changes(folder, PRESENT)[0] == {"alpha-2": "alpha-3", "gamma": None, "delta": None}


def test_a_pull_request_has_moved_what_it_changed_since_its_base(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    folder = changed_since_main(repo)
    # Renamed twice, alpha is followed to its present name; beta's deletion is in the change.
    assert changes(folder, PRESENT)[0] == {"alpha": "alpha-3", "beta": None, "gamma": None, "delta": None}
    # A file renamed back to a present name is not gone.
    assert changes(folder, PRESENT | {"alpha"})[0] == {"beta": None, "gamma": None, "delta": None}


def test_a_branch_has_moved_what_it_changed_since_its_upstream(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    git(repo, "remote", "add", "origin", str(repo))
    git(repo, "config", "branch.main.remote", "origin")
    git(repo, "config", "branch.main.merge", "refs/heads/main")
    folder = changed_since_main(repo)
    assert changes(folder, PRESENT)[0] == {"alpha": "alpha-3", "beta": None, "gamma": None, "delta": None}


def test_outside_a_git_checkout_nothing_has_moved(tmp_path: Path) -> None:
    folder = tmp_path / "plain" / "authorities"
    folder.mkdir(parents=True)
    assert changes(folder, {"alpha"})[0] == {}


def alpha_renamed_on_a_branch(repo: Path, remote: Path | None = None) -> Path:
    """Alpha committed on main (pushed to remote, where one is given), then renamed in a commit
    of its own on a branch made as docs/editing.md does; the folder of the authorities."""
    write(repo, "alpha", "name: Alpha Council\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    if remote is not None:
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
        git(repo, "remote", "add", "origin", str(remote))
        git(repo, "push", "-q", "origin", "HEAD:main")
    git(repo, "switch", "-q", "-c", "rename-alpha")
    git(repo, "mv", "content/authorities/alpha.yaml", "content/authorities/alpha-2.yaml")
    git(repo, "commit", "-q", "-m", "rename alpha")
    return repo / "content" / "authorities"


def test_a_local_branch_with_no_upstream_has_moved_what_it_changed_since_main(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    folder = alpha_renamed_on_a_branch(repo)  # never pushed
    assert changes(folder, {"alpha-2"})[0] == {"alpha": "alpha-2"}


def test_a_branch_pushed_to_its_namesake_has_moved_what_it_changed_since_main(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `git push -u origin HEAD`, as docs/editing.md has editors do: the branch's upstream is
    # itself, on the remote, which holds every change the branch made.
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    folder = alpha_renamed_on_a_branch(repo, tmp_path / "remote.git")
    git(repo, "push", "-q", "-u", "origin", "HEAD")
    assert changes(folder, {"alpha-2"})[0] == {"alpha": "alpha-2"}


def test_the_fingerprint_reads_the_commit_from_git_files_as_git_would(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that changes nothing names the content's commit without starting git, in every usual layout."""
    from tracker import fingerprint

    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.delenv(name, raising=False)
    asked: list[Path] = calls(monkeypatch, fingerprint, "_ask_git")
    content = repo / "content"

    def rev(name: str = "HEAD") -> str:
        return subprocess.run(
            ["git", "rev-parse", name], cwd=content, capture_output=True, text=True, check=True
        ).stdout.strip()

    # A branch with no commit yet: git has no answer, and is asked.
    assert fingerprint._commit(content) == "" and asked == [content]
    asked.clear()
    write(repo, "exampleshire", "name: Exampleshire\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    assert fingerprint._commit(content) == rev()  # the branch's own ref file
    git(repo, "pack-refs", "--all")  # as a clone or `git gc` leaves refs
    assert not (repo / ".git" / "refs" / "heads" / "main").exists()
    assert fingerprint._commit(content) == rev()
    write(repo, "exampleshire", "name: Exampleshire Council\n")
    git(repo, "commit", "-q", "-am", "second")
    assert fingerprint._commit(content) == rev()  # a loose ref again, newer than the packed one
    first = rev("HEAD~1")
    git(repo, "checkout", "-q", "--detach", first)
    assert fingerprint._commit(content) == rev() == first  # a detached HEAD names the commit
    assert asked == []
    # A worktree's .git is a file that points elsewhere: git is asked.
    git(repo, "worktree", "add", "-q", "--detach", str(repo / "other"), "main")
    other = repo / "other" / "content"
    assert fingerprint._commit(other) not in (first, "")
    assert asked == [other]
    asked.clear()
    # So it is when a variable tells git where to look.
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    assert fingerprint._commit(other) == first and asked == [other]
    monkeypatch.delenv("GIT_DIR")
    # Outside any repository there is no commit, and nothing to ask.
    asked.clear()
    outside = Path(os.path.realpath(repo)).parent / "loose"
    outside.mkdir()
    assert fingerprint._commit(outside) == "" and asked == []


def test_the_files_a_change_edits_are_given_as_they_were_before_it(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    folder = repo / "content" / "authorities"
    write(repo, "alpha", "name: Alpha\n")
    write(repo, "beta", "name: Beta\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    git(repo, "switch", "-q", "-c", "edit")
    write(repo, "alpha", "name: Alpha Council\n")
    git(repo, "commit", "-q", "-am", "alpha")
    write(repo, "beta", "name: Beta Council\n")  # not yet committed
    write(repo, "gamma", "name: Gamma\n")  # new: nothing before it
    assert changes(folder, {"alpha", "beta", "gamma"}) == ({}, {"alpha": b"name: Alpha\n", "beta": b"name: Beta\n"})
