"""Shell completion through Typer's protocol: which arguments complete names, and what each shell is sent.

Typer's scripts are kept (so ``--install-completion`` installs them as Typer would); what wick
sends back differs in three ways, each needed for a completed name to be accepted as it is:

- A name argument completes through its type, not an ``autocompletion`` callback: Typer keeps only
  callback results that start with the typed text exactly, which drops "Keanu Reeves" for "kea".
- bash inserts a completion verbatim, so it gets one quoted for the word being typed.
- zsh gets ``_describe`` told not to filter again (its default matching is case-sensitive), and zsh
  and fish get the record's kind as plain text (Typer would render help through Rich on every Tab).
"""

import os
import sys
from typing import Any

import typer
from typer._click.core import Context, Parameter
from typer._click.shell_completion import (
    CompletionItem,
    ShellComplete,
    _resolve_context,
    _resolve_incomplete,
    add_completion_class,
)
from typer._click.types import ParamType
from typer._completion_classes import BashComplete, FishComplete, ZshComplete, completion_init
from typer._completion_shared import Shells, _get_shell_name, get_completion_script, install
from typer.core import TyperOption

PROG = "wick"
COMPLETE_VAR = "_WICK_COMPLETE"
SHELLS = tuple(shell.value for shell in Shells)


class Name(ParamType):
    """A name of a record of some kinds, typed as one word or several; completes from the knowledge file."""

    name = "text"

    def __init__(self, *kinds: str) -> None:
        self.kinds = kinds

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        """Names are text; resolving them is the command's job."""
        return value

    def shell_complete(self, ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
        """The rest of each name that the words typed so far start, with the kinds of record it names."""
        from . import complete

        before = ctx.params.get(param.name or "") if param.nargs == -1 else None
        data = ctx.find_root().params.get("data")
        found = complete.names(data, list(before or ()), incomplete, self.kinds)
        return [CompletionItem(rest, help=kinds) for rest, kinds in found]


class _OptionValue(ShellComplete):
    """Completes an option's value typed after '=' as the dispatcher does (see complete.option_value)."""

    prefix: str | None = None
    """What each completion must start with: ``--film=`` where the shell replaces that whole word."""

    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        """The completions of the word being typed; a value after '=' only for an option that takes one."""
        from . import complete

        args, incomplete, self.prefix = complete.option_value(args, incomplete)
        ctx = _resolve_context(self.cli, self.ctx_args, self.prog_name, list(args))
        param, incomplete = _resolve_incomplete(ctx, list(args), incomplete)
        if self.prefix is not None and not (isinstance(param, TyperOption) and not param.is_flag):
            return []  # a value given to a flag, or to no option at all
        return param.shell_complete(ctx, incomplete)


class Bash(_OptionValue, BashComplete):
    """bash: each completion quoted for the word being typed, which may open a quote."""

    typed = ""

    def get_completion_args(self) -> tuple[list[str], str]:
        """Typer's reading of COMP_WORDS, keeping the word being typed as it was typed."""
        args, incomplete = super().get_completion_args()
        joined = os.environ.get("COMP_WORDS", "")
        words = joined.split("\n") if "\n" in joined else joined.split(" ")  # the script joins them with IFS
        cword = int(os.environ.get("COMP_CWORD", "0"))
        self.typed = words[cword] if 0 <= cword < len(words) else ""
        return args, incomplete

    def format_completion(self, item: CompletionItem) -> str:
        """The completion as bash must insert it."""
        from . import complete

        return (self.prefix or "") + complete.bash_word(item.value, self.typed)


class Zsh(_OptionValue, ZshComplete):
    """zsh: ``_describe`` with each kind as the description, matching case-insensitively."""

    def complete(self) -> str:
        """One line of zsh code (the script evals its output unquoted, so newlines would be lost)."""
        import shlex

        from . import complete

        args, incomplete = self.get_completion_args()
        items = self.get_completions(args, incomplete)
        if not items:
            return "_files"
        entries = " ".join(
            shlex.quote(complete.zsh_entry((self.prefix or "") + item.value, item.help)) for item in items
        )
        # -U: wick has already chosen what fits the typed word (in any case, and without accents), so zsh
        # must not filter again with its own, case-sensitive matching.
        return f"local -a completions; completions=({entries}); _describe -t values value completions -U"


class Fish(_OptionValue, FishComplete):
    """fish: value, tab, description, as Typer sends them, without rendering the description through Rich."""

    def format_completion(self, item: CompletionItem) -> str:
        """One completion line."""
        value = (self.prefix or "") + item.value
        return f"{value}\t{' '.join(item.help.split())}" if item.help else value


def register() -> None:
    """Make Typer's completion protocol use wick's classes for bash, zsh and fish."""
    completion_init()
    add_completion_class(Bash, Shells.bash.value)
    add_completion_class(Zsh, Shells.zsh.value)
    add_completion_class(Fish, Shells.fish.value)


def name_the_shell(args: list[str]) -> list[str]:
    """Arguments with the current shell's name after a completion option given without one.

    The options take the shell's name (Typer's vendored Click has no options with an optional
    value), and detecting the shell fails where wick has no shell above it: naming it always works.
    """
    for i, arg in enumerate(args):
        if arg == "--":
            break
        following = args[i + 1 : i + 2]
        if arg in ("--show-completion", "--install-completion") and (not following or following[0].startswith("-")):
            detected = _get_shell_name()
            return [*args[: i + 1], detected, *args[i + 1 :]] if detected else args
    return args


def _shell(value: str) -> str:
    """The shell named; a usage error for any other."""
    if value not in SHELLS:
        raise typer.BadParameter(f"{value!r} is not a shell wick completes: name one of {', '.join(SHELLS)}")
    return value


def show(value: str | None) -> None:
    """Print the completion script for a shell (``--show-completion [SHELL]``)."""
    if value is None:
        return
    sys.stdout.write(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=_shell(value)) + "\n")
    raise typer.Exit()


def install_script(value: str | None) -> None:
    """Install the completion script for a shell (``--install-completion [SHELL]``)."""
    if value is None:
        return
    shell, path = install(shell=_shell(value), prog_name=PROG, complete_var=COMPLETE_VAR)
    sys.stdout.write(f"{shell} completion installed in {path}\n")
    sys.stdout.write("Completion will take effect once you restart the terminal.\n")
    raise typer.Exit()
