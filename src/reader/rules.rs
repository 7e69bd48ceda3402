//! Rules of the file format: each value is TOML of the right type, under a
//! known key, within its range. They are looked for where each value is
//! read (`load`, `reader`); they are declared here with their messages. A
//! file that breaks one is not read as meant, so none can be lowered.

use crate::diag::{Rule, Severity, Text};

pub static TOML_SYNTAX: Rule = Rule {
    code: "toml-syntax",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Le fichier n'est pas du TOML valide : il manque, ou il y a en trop, un guillemet, un crochet, une virgule ou un signe =, ou un nombre est mal formé (0x sans chiffres). Rien d'autre du fichier n'est lu tant qu'il n'est pas corrigé.",
        "The file is not valid TOML: a quote, a bracket, a comma or an = sign is missing or extra, or a number is malformed (0x with no digits). Nothing else of the file is read until it is fixed.",
    ),
    fix: Text::new(
        "pilots = [\"A\",,]   # avant : deux virgules\npilots = [\"A\"]     # après",
        "pilots = [\"A\",,]   # before: two commas\npilots = [\"A\"]     # after",
    ),
};

pub static WRONG_TYPE: Rule = Rule {
    code: "wrong-type",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Une clé contient une valeur du mauvais type : un texte au lieu d'un nombre, un texte seul au lieu d'une liste, une date entre guillemets.",
        "A key holds a value of the wrong type: a string instead of a number, a single string instead of a list, a date in quotes.",
    ),
    fix: Text::new(
        "due = \"2026-01-01\"   # avant : un texte\ndue = 2026-01-01     # après : une date",
        "due = \"2026-01-01\"   # before: a string\ndue = 2026-01-01     # after: a date",
    ),
};

pub static MISSING_KEY: Rule = Rule {
    code: "missing-key",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Une clé obligatoire manque, comme l'identifiant ou le titre d'une action, ou la date d'une entrée de journal. Quand la clé est là mais mal orthographiée, c'est unknown-key qui le dit.",
        "A required key is absent, such as the id or the title of an action, or the date of a journal entry. When the key is there but misspelt, unknown-key says so instead.",
    ),
    fix: Text::new(
        "# axes/2-jeunesse.toml\nid = 2\ntitle = \"Jeunesse\"   # ajouté : un axe a un titre",
        "# axes/2-jeunesse.toml\nid = 2\ntitle = \"Jeunesse\"   # added: an axis has a title",
    ),
};

pub static UNKNOWN_KEY: Rule = Rule {
    code: "unknown-key",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Une clé que le format ne connaît pas, souvent une faute de frappe ; l'aide donne la clé permise la plus proche. Une clé inconnue n'est jamais ignorée en silence : sa valeur serait perdue.",
        "A key the format does not know, often a typo; the help gives the nearest allowed key. An unknown key is never ignored silently: its value would be lost.",
    ),
    fix: Text::new(
        "shrot_title = \"Offre jeunesse\"   # avant\nshort_title = \"Offre jeunesse\"   # après",
        "shrot_title = \"Offre jeunesse\"   # before\nshort_title = \"Offre jeunesse\"   # after",
    ),
};

pub static EMPTY_TITLE: Rule = Rule {
    code: "empty-title",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un titre, un nom ou un texte est vide : chaque tableau et chaque bilan l'affiche, et une case vide ne dit rien.",
        "A title, a name or a text is blank: every table and report shows it, and an empty cell says nothing.",
    ),
    fix: Text::new(
        "title = \" \"                            # avant\ntitle = \"Renforcer l'offre jeunesse\"   # après",
        "title = \" \"                            # before\ntitle = \"Renforcer l'offre jeunesse\"   # after",
    ),
};

pub static INVALID_ID: Rule = Rule {
    code: "invalid-id",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un identifiant, ou l'axe d'une action, n'est pas un entier positif d'au plus 9999.",
        "An id, or the axis of an action, is not a positive integer of at most 9999.",
    ),
    fix: Text::new(
        "id = -3   # avant\nid = 3    # après",
        "id = -3   # before\nid = 3    # after",
    ),
};

pub static OUT_OF_RANGE: Rule = Rule {
    code: "out-of-range",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un entier hors des bornes que permet sa clé, comme per_year (réunions par an, de 0 à 366) ou schema.",
        "An integer outside the range its key allows, such as per_year (meetings a year, 0 to 366) or schema.",
    ),
    fix: Text::new(
        "per_year = 400   # avant\nper_year = 4     # après",
        "per_year = 400   # before\nper_year = 4     # after",
    ),
};

pub static INVALID_YEAR: Rule = Rule {
    code: "invalid-year",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Une valeur d'indicateur est rangée sous autre chose qu'une année entre 1900 et 2200.",
        "An indicator value is keyed by something other than a year between 1900 and 2200.",
    ),
    fix: Text::new(
        "values = { 24 = 4 }     # avant\nvalues = { 2024 = 4 }   # après",
        "values = { 24 = 4 }     # before\nvalues = { 2024 = 4 }   # after",
    ),
};

pub static INVALID_STATUS: Rule = Rule {
    code: "invalid-status",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un statut n'est pas l'un des six mots-clés : planned, in-progress, blocked, postponed, done, abandoned. Un libellé comme « en cours » reçoit son mot-clé en aide.",
        "A status is not one of the six keywords: planned, in-progress, blocked, postponed, done, abandoned. A label such as \"en cours\" gets its keyword as help.",
    ),
    fix: Text::new(
        "status = \"en cours\"      # avant\nstatus = \"in-progress\"   # après",
        "status = \"en cours\"      # before\nstatus = \"in-progress\"   # after",
    ),
};

pub static INVALID_DATE: Rule = Rule {
    code: "invalid-date",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Une date porte une heure ou un décalage horaire : le plan note des jours, écrits AAAA-MM-JJ sans guillemets.",
        "A date carries a time or an offset: the plan records days, written YYYY-MM-DD without quotes.",
    ),
    fix: Text::new(
        "due = 2026-01-01T10:00:00   # avant\ndue = 2026-01-01            # après",
        "due = 2026-01-01T10:00:00   # before\ndue = 2026-01-01            # after",
    ),
};

pub static UNSUPPORTED_SCHEMA: Rule = Rule {
    code: "unsupported-schema",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "ctg.toml déclare une version de schéma que ce ctg ne lit pas (il lit le schéma 1).",
        "ctg.toml declares a schema version this ctg does not read (it reads schema 1).",
    ),
    fix: Text::new(
        "schema = 1   # dans ctg.toml ; ou installez un ctg plus récent",
        "schema = 1   # in ctg.toml; or install a newer ctg",
    ),
};

pub const SYNTAX: Text = Text::new("syntaxe TOML invalide : {0}", "invalid TOML syntax: {0}");
pub const BOM_NOT_AT_START: Text = Text::new(
    "une marque d'ordre des octets (BOM) ne peut qu'ouvrir le fichier",
    "a byte order mark (BOM) may only open the file",
);
pub const MALFORMED_INTEGER: Text = Text::new(
    "entier mal formé (chiffres manquants ou invalides)",
    "malformed integer (missing or invalid digits)",
);
pub const INTEGER_TOO_LARGE: Text = Text::new(
    "entier trop grand pour TOML (64 bits)",
    "integer too large for TOML (64 bits)",
);
pub const MALFORMED_FLOAT: Text = Text::new("nombre décimal mal formé", "malformed float");
pub const FIX_SYNTAX: Text = Text::new(
    "corrigez la syntaxe à l'endroit indiqué (guillemets, crochets, signe =)",
    "fix the syntax at the place shown (quotes, brackets, = sign)",
);
pub const MUST_BE: Text = Text::new("`{0}` doit être {1}, pas {2}", "`{0}` must be {1}, not {2}");
pub const DATE_WITHOUT_QUOTES: Text = Text::new(
    "écrivez la date sans guillemets, l'année d'abord : `{0} = 2024-03-12`",
    "write the date without quotes, year first: `{0} = 2024-03-12`",
);
pub const THIS_DATE_WITHOUT_QUOTES: Text = Text::new(
    "écrivez la date sans guillemets, l'année d'abord : `{0} = {1}`",
    "write the date without quotes, year first: `{0} = {1}`",
);
pub const REQUIRED_KEY_ABSENT: Text = Text::new(
    "la clé obligatoire `{0}` manque",
    "the required key `{0}` is missing",
);
pub const ADD_KEY: Text = Text::new(
    "ajoutez `{0} = …` à ce tableau",
    "add `{0} = …` to this table",
);
pub const KEY_NOT_KNOWN: Text = Text::new("clé inconnue `{0}`", "unknown key `{0}`");
pub const KEYS_ALLOWED: Text = Text::new("clés permises ici : {0}", "keys allowed here: {0}");
pub const STATUS_NOT_KEYWORD: Text = Text::new("statut inconnu « {0} »", "unknown status `{0}`");
pub const WRITE_KEYWORD: Text = Text::new(
    "écrivez le mot-clé `{0}` pour « {1} »",
    "write the keyword `{0}` for `{1}`",
);
pub const STATUSES_ALLOWED: Text = Text::new(
    "statuts permis : `planned`, `in-progress`, `blocked`, `postponed`, `done`, `abandoned`",
    "allowed statuses: `planned`, `in-progress`, `blocked`, `postponed`, `done`, `abandoned`",
);
pub const PLAIN_DATE: Text = Text::new(
    "`{0}` doit être une date seule (AAAA-MM-JJ), sans heure",
    "`{0}` must be a plain date (YYYY-MM-DD), without a time",
);
pub const ID_NOT_POSITIVE: Text = Text::new(
    "l'identifiant doit être un entier positif, pas {0}",
    "the id must be a positive integer, not {0}",
);
pub const ID_TOO_LARGE: Text = Text::new(
    "l'identifiant doit être au plus {0}, pas {1}",
    "the id must be at most {0}, not {1}",
);
pub const INTEGER_BETWEEN: Text = Text::new(
    "`{0}` doit être un entier entre {1} et {2}",
    "`{0}` must be an integer between {1} and {2}",
);
pub const NOT_A_YEAR: Text = Text::new(
    "« {0} » n'est pas une année : les valeurs d'un indicateur sont rangées par année",
    "`{0}` is not a year: indicator values are keyed by year",
);
pub const TITLE_BLANK: Text = Text::new("l'intitulé `{0}` est vide", "the title `{0}` is empty");
pub const WRITE_TITLE: Text = Text::new(
    "écrivez l'intitulé tel que le plan le donne",
    "write the title as the plan gives it",
);
pub const SCHEMA_NOT_READ: Text = Text::new(
    "version de schéma {0} non prise en charge (cette version de ctg lit le schéma 1)",
    "schema version {0} is not supported (this ctg reads schema 1)",
);
pub const SET_SCHEMA: Text = Text::new(
    "mettez schema = 1, ou installez une version de ctg plus récente",
    "set schema = 1, or install a newer ctg",
);
