"""Dutch for the words of click, the library under typer: the headings and notes of ``--help`` and
the messages about a command line it cannot parse (an unknown option, a missing argument, a value
that is not one of the choices). bcalc/cli_words.py puts them in when bcalc speaks Dutch; a
message of click that no pair matches is shown in click's English. How a pair is written:
bcalc/messages/patterns.py.
"""

from __future__ import annotations

from bcalc.messages.patterns import compile_table, translate

USAGE = "Gebruik: "
HEADINGS = {"Options": "Opties", "Arguments": "Argumenten", "Commands": "Commando's"}
# in the usage line, and the kind of value after an option (``--scenario <str>``)
USAGE_WORDS = {"[OPTIONS]": "[OPTIES]", "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]..."}
METAVARS = {"<str>": "<tekst>", "<int>": "<geheel getal>", "<float>": "<getal>", "<directory>": "<map>",
            "<path>": "<pad>", "<file>": "<bestand>"}
HELP_OPTION = ("Show this message and exit.", "Toon deze hulp en stop.")
# the notes in brackets after an option's help
NOTES = [
    ("default: {value}", "standaard: {value}"),
    ("required", "verplicht"),
]
ERROR = "Fout: "
TRY = "Probeer '{command} {option}' voor hulp."
ABORTED = "Afgebroken!"

MESSAGES = [
    ("Invalid value for {hint}: {problem:value}", "Ongeldige waarde voor {hint}: {problem}"),
    ("Invalid value: {problem:value}", "Ongeldige waarde: {problem}"),
    ("Missing argument {hint}. Choose from:{choices}", "Argument {hint} ontbreekt. Kies uit:{choices}"),
    ("Missing option {hint}. Choose from:{choices}", "Optie {hint} ontbreekt. Kies uit:{choices}"),
    ("Missing argument {hint}.", "Argument {hint} ontbreekt."),
    ("Missing option {hint}.", "Optie {hint} ontbreekt."),
    ("Missing parameter {hint}.", "Parameter {hint} ontbreekt."),
    ("No such option: {option} (Possible options: {options})", "Onbekende optie: {option} (mogelijke opties: {options})"),
    ("No such option: {option}", "Onbekende optie: {option}"),
    ("No such command {name}. Did you mean {names}?", "Onbekend commando {name}. Bedoelt u {names}?"),
    ("No such command {name}.", "Onbekend commando {name}."),
    ("Missing command.", "Commando ontbreekt."),
    ("Got unexpected extra argument(s) ({arguments})", "Onverwachte extra argumenten ({arguments})"),
    ("Option {option} requires an argument.", "Optie {option} vraagt een waarde."),
    ("Option {option} requires {count:word} arguments.", "Optie {option} vraagt {count} waarden."),
    ("Option {option} does not take a value.", "Optie {option} neemt geen waarde."),
    ("Argument {name} takes {count:word} values.", "Argument {name} neemt {count} waarden."),
]

# what is wrong with a value (click's types, typer's choices and paths)
VALUE = [
    ("{value} is not one of {choices}.", "{value} is niet een van {choices}."),
    ("{value} is not a valid {type:type}.", "{value} is geen geldig {type}."),
    ("{value} is not a valid boolean. Recognized values: {values}",
     "{value} is geen geldige waarde voor ja/nee. Bekende waarden: {values}"),
    ("{value} is not in the range {range}.", "{value} ligt niet in het bereik {range}."),
    ("{kind:path} {name} does not exist.", "{kind} {name} bestaat niet."),
    ("{kind:path} {name} is a file.", "{kind} {name} is een bestand."),
    ("{kind:path} {name} is a directory.", "{kind} {name} is een map."),
    ("{kind:path} {name} is not readable.", "{kind} {name} is niet leesbaar."),
    ("{kind:path} {name} is not writable.", "{kind} {name} is niet schrijfbaar."),
]

TYPE = [("int", "geheel getal"), ("integer", "geheel getal"), ("float", "getal"), ("UUID", "UUID")]
PATH = [("Directory", "Map"), ("File", "Bestand"), ("Path", "Pad"), ("File or directory", "Bestand of map")]

_compiled: dict | None = None


def _tables() -> dict:
    global _compiled
    if _compiled is None:
        _compiled = {name: compile_table(pairs) for name, pairs in (
            ("message", MESSAGES), ("value", VALUE), ("type", TYPE), ("path", PATH), ("note", NOTES))}
    return _compiled


def dutch(message: str) -> str | None:
    """The Dutch of one of click's messages; None when no pair matches it."""
    tables = _tables()
    return translate(message, tables["message"], tables)


def note(text: str) -> str:
    """A note after an option's help (``default: table; required``) in Dutch."""
    tables = _tables()
    return "; ".join(translate(part, tables["note"], tables) or part for part in text.split("; "))
