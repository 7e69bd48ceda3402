//! Rules of the plan's files: the plan is found, each file can be read and
//! is text. They are looked for where the files are read (`source`, and
//! the command layer for `no-plan`), and declared here, beside that code
//! and below `check`, which lists them in its registry.

use crate::diag::{Rule, Severity, Text};

pub static NO_PLAN: Rule = Rule {
    code: "no-plan",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "ctg ne trouve aucun dossier de plan : aucun n'est donné par --plan ou CTG_PLAN, aucun dossier parent ne contient de ctg.toml et il n'y a pas de dossier ./plan ; ou bien le dossier donné n'existe pas.",
        "ctg finds no plan folder: none is given with --plan or CTG_PLAN, no folder upward holds a ctg.toml and there is no ./plan folder; or the folder given does not exist.",
    ),
    fix: Text::new(
        "# indiquez le dossier du plan\nctg --plan ../ctg-2025 check\n# ou créez un plan\nctg init plan --territory \"CC d'Exemple\"",
        "# name the plan folder\nctg --plan ../ctg-2025 check\n# or create a plan\nctg init plan --territory \"CC d'Exemple\"",
    ),
};

pub static MISSING_CONVENTION: Rule = Rule {
    code: "missing-convention",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Le dossier du plan n'a pas de ctg.toml : sans la convention, sa période, ses acteurs et ses instances sont inconnus, et les règles qui en ont besoin se taisent.",
        "The plan folder has no ctg.toml: without the convention, its period, actors and bodies are unknown, and the rules that need them stay silent.",
    ),
    fix: Text::new(
        "# ctg.toml, à la racine du plan\nschema = 1\nname = \"CTG d'Exemple\"\nterritory = \"Communauté de communes d'Exemple\"\n\n[actors.A]\nname = \"Intercommunalité A\"",
        "# ctg.toml, at the root of the plan\nschema = 1\nname = \"CTG d'Exemple\"\nterritory = \"Communauté de communes d'Exemple\"\n\n[actors.A]\nname = \"Intercommunalité A\"",
    ),
};

pub static UNREADABLE_FILE: Rule = Rule {
    code: "unreadable-file",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un fichier du plan ne peut pas être lu : le système le refuse (droits, lien cassé), ce n'est pas un fichier ordinaire (tube nommé, périphérique, socket), son nom n'est pas en UTF-8, ou il dépasse 1 Mio, ce dont aucun fichier de plan n'approche.",
        "A file of the plan cannot be read: the system refuses it (permissions, a broken link), it is not a regular file (a named pipe, a device, a socket), its name is not UTF-8, or it is over 1 MiB, which no plan file comes near.",
    ),
    fix: Text::new(
        "# donnez le droit de lecture sur le fichier\nchmod u+r actions/03-offre.toml",
        "# give read permission on the file\nchmod u+r actions/03-offre.toml",
    ),
};

pub static INVALID_UTF8: Rule = Rule {
    code: "invalid-utf8",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un fichier du plan n'est pas en UTF-8, souvent parce qu'un éditeur l'a enregistré en Windows-1252 : ses accents ne peuvent pas être lus. Une marque d'ordre des octets et des fins de ligne Windows sont acceptées.",
        "A file of the plan is not UTF-8, often because an editor saved it as Windows-1252: its accents cannot be read. A byte order mark and Windows line ends are fine.",
    ),
    fix: Text::new(
        "# convertissez le fichier de Windows-1252 en UTF-8\niconv -f WINDOWS-1252 -t UTF-8 actions/03-offre.toml > offre.toml\nmv offre.toml actions/03-offre.toml",
        "# convert the file from Windows-1252 to UTF-8\niconv -f WINDOWS-1252 -t UTF-8 actions/03-offre.toml > offre.toml\nmv offre.toml actions/03-offre.toml",
    ),
};

pub static LINK_OUTSIDE_PLAN: Rule = Rule {
    code: "link-outside-plan",
    severity: Severity::Error,
    format: true,
    explanation: Text::new(
        "Un fichier ou un dossier du plan (ctg.toml, actions/…) est un lien symbolique qui mène hors du dossier du plan : il n'est ni lu ni écrit, car le plan doit tenir entier dans son dossier et dans son historique git.",
        "A file or folder of the plan (ctg.toml, actions/…) is a symbolic link leading outside the plan folder: it is neither read nor written, since the plan must be whole in its folder and in its git history.",
    ),
    fix: Text::new(
        "# remplacez le lien par une copie du fichier\ncp --remove-destination \"$(readlink actions/09-lien.toml)\" actions/09-lien.toml",
        "# replace the link with a copy of the file\ncp --remove-destination \"$(readlink actions/09-lien.toml)\" actions/09-lien.toml",
    ),
};

pub static NOT_A_FILE: Rule = Rule {
    code: "not-a-file",
    severity: Severity::Warning,
    format: false,
    explanation: Text::new(
        "Un dossier porte un nom de fichier de plan (actions/10-x.toml/) : il n'est pas lu, et ce qu'il devait contenir manque au plan.",
        "A folder is named like a plan file (actions/10-x.toml/): it is not read, and whatever it was meant to hold is missing from the plan.",
    ),
    fix: Text::new(
        "# renommez le dossier : seuls les fichiers .toml sont lus\nmv actions/10-x.toml actions/10-x",
        "# rename the folder: only .toml files are read\nmv actions/10-x.toml actions/10-x",
    ),
};

pub const NO_CTG_TOML: Text = Text::new(
    "le plan n'a pas de fichier ctg.toml",
    "the plan has no ctg.toml file",
);
pub const CREATE_CTG_TOML: Text = Text::new(
    "créez ctg.toml (schema, name, territory, actors, bodies) à la racine du plan",
    "create ctg.toml (schema, name, territory, actors, bodies) at the root of the plan",
);
pub const TOO_LARGE: Text = Text::new(
    "le fichier pèse {0} octets, au-delà de la limite de {1}",
    "the file is {0} bytes, over the limit of {1}",
);
pub const RIGHT_FILE: Text = Text::new(
    "un fichier de plan tient en quelques kilo-octets : vérifiez qu'il s'agit du bon fichier",
    "a plan file is a few kilobytes: check that this is the right file",
);
pub const NOT_UTF8: Text = Text::new(
    "le fichier n'est pas en UTF-8 (octet invalide en position {0})",
    "the file is not UTF-8 (invalid byte at offset {0})",
);
pub const SAVE_AS_UTF8: Text = Text::new(
    "enregistrez le fichier en UTF-8 depuis votre éditeur",
    "save the file as UTF-8 from your editor",
);
pub const LINK_LEADS_OUTSIDE: Text = Text::new(
    "lien symbolique menant hors du plan",
    "symbolic link leading outside the plan",
);
pub const COPY_INSTEAD: Text = Text::new(
    "copiez le fichier dans le plan plutôt que de le lier",
    "copy the file into the plan instead of linking it",
);
pub const FOLDER_NAMED_LIKE_FILE: Text = Text::new(
    "dossier nommé comme un fichier de plan : il n'est pas lu",
    "a folder named like a plan file: it is not read",
);
pub const RENAME_FOLDER: Text = Text::new(
    "renommez-le : seuls les fichiers .toml sont lus",
    "rename it: only .toml files are read",
);
pub const FOLDER_LEADS_OUTSIDE: Text = Text::new(
    "dossier lié hors du plan : ses fichiers ne sont ni lus ni écrits",
    "a folder linked outside the plan: its files are neither read nor written",
);
pub const COPY_FOLDER_INSTEAD: Text = Text::new(
    "copiez le dossier dans le plan plutôt que de le lier",
    "copy the folder into the plan instead of linking it",
);
pub const BROKEN_LINK: Text = Text::new(
    "lien symbolique cassé : {0} n'existe pas",
    "broken symbolic link: {0} does not exist",
);
pub const FIX_LINK: Text = Text::new(
    "faites pointer le lien vers un fichier du plan, ou remplacez-le par ce fichier",
    "point the link at a file of the plan, or replace it with that file",
);
pub const NOT_REGULAR: Text = Text::new(
    "ce n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) : il n'est pas lu",
    "not a regular file (a named pipe, a device or a socket): it is not read",
);
pub const REPLACE_SPECIAL: Text = Text::new(
    "remplacez-le par un fichier TOML ordinaire",
    "replace it with a plain TOML file",
);
pub const NAME_NOT_UTF8: Text = Text::new(
    "le nom du fichier n'est pas en UTF-8 : il n'est pas lu",
    "the file name is not UTF-8: it is not read",
);
pub const RENAME_UTF8: Text = Text::new(
    "renommez le fichier avec des lettres sans accent, ou en UTF-8",
    "rename the file with unaccented letters, or in UTF-8",
);
