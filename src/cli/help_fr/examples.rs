//! The French examples at the end of each command's help.

/// The examples at the end of a command's help.
pub fn examples(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => "Exemples :
  ctg status                      # tableau de bord du plan trouvé depuis ici
  ctg --plan ../ctg-2024 status   # un autre dossier de plan
  ctg status --today 2025-12-31   # tel qu'il sera fin 2025
  ctg status --format json        # pour les scripts
  ctg check                       # tous les problèmes du plan, avec fichier:ligne:colonne",
        "status" => "Exemples :
  ctg status
  ctg status --today 2025-06-30 --lang en
  ctg status --format md > tableau-de-bord.md
  ctg status --at 2024-12-31               # tel que le journal le dit à cette date",
        "check" => "Exemples :
  ctg check                         # avant un commit
  ctg check --deny-warnings         # en intégration continue, où les avertissements comptent aussi
  ctg check --explain no-pilot      # ce que cherche une règle, et comment corriger
  ctg check --allow future-date     # faire taire une règle pour cette fois
  ctg check --format json | jq '.[] | select(.severity == \"error\")'

Toutes les règles et leur code : docs/rules.md.
Code de sortie : 0 sans erreur (avertissements admis sauf --deny-warnings), 1 sinon ;
2 pour une règle inconnue, ou une règle du format des fichiers donnée à --warn ou --allow.",
        "list" => "Exemples :
  ctg list --pilot CCVA --overdue          # ce que pilote la CCVA et qui est en retard
  ctg list --axis 4 --status planned --status blocked
  ctg list --text ecoute --format ids      # accents et majuscules sans importance
  ctg list --sort due --format csv > actions.csv",
        "show" => "Exemples :
  ctg show 12
  ctg show 4 --format md > fiche-4.md
  ctg show 4 --format json | jq .modalities",
        "pilots" => "Exemples :
  ctg pilots
  ctg pilots --format csv > pilotage.csv
  ctg pilots --format json | jq '.actors[] | {id, late: .leads.late}'",
        "set" => "Exemples :
  ctg set 3 --status \"en cours\"               # écrit aussi une entrée de journal
  ctg set 3 --status bloqué --date 15/09/2026  # un changement survenu un autre jour
  ctg set 3 --due 2026-06-30 --add-pilot Communes
  ctg set 4.2 --status done                   # modalité 2 de l'action 4, réalisée aujourd'hui
  ctg set 12 --status blocked --note \"Recrutement suspendu\" --dry-run

Le plan modifié est vérifié avant toute écriture : une modification qui laisserait
une erreur est refusée et aucun fichier n'est touché.",
        "log" => "Exemples :
  ctg log 3 \"Présentation en conseil communautaire\"
  ctg log 3 \"Lancement des ateliers\" --status in-progress --date 2026-09-15
  ctg log 3 \"Bilan partagé\" --dry-run
  ctg log 3 \"Présentation en conseil\" --entry 2
  ctg log 3 --remove 1",
        "collect" => "Exemples :
  ctg collect export -o envois/
  ctg collect import --dry-run retours/*.xlsx
  ctg collect status envois/ retours/",
        "collect export" => "Exemples :
  ctg collect export -o envois/
  ctg collect export -o envois/ --actor Communes --actor EPE
  ctg collect export -o envois/ --year 2026",
        "collect import" => "Exemples :
  ctg collect import --dry-run retours/*.xlsx
  ctg collect import retours/suivi-communes-2026-11-02.ods
  ctg collect import --partial retours/*

Rien n'est écrit si un classeur pose problème (cellule modifiée, valeur
hors liste, formule, élément changé dans le plan depuis l'envoi) : chaque
problème est nommé avec sa cellule (Actions!G7). Importer deux fois le même
classeur ne change rien.",
        "collect status" => "Exemples :
  ctg collect status envois/ retours/
  ctg collect status envois/ retours/ --format json",
        "meeting" => "Exemples :
  ctg meeting add copil --date 2026-03-12
  ctg meeting list",
        "indicator" => "Exemples :
  ctg indicator add 2 --name \"Familles accueillies\" --unit familles --target 60",
        "indicator add" => "Exemples :
  ctg indicator add 2 --name \"Familles accueillies\" --unit familles --baseline 30 --target 60
  ctg set 2 --indicator 1 --year 2026 --value 41",
        "modality" => "Exemples :
  ctg modality add 18 \"Fête des associations\"",
        "modality add" => "Exemples :
  ctg modality add 18 \"Fête des associations\"
  ctg set 18.4 --add-pilot Communes
  ctg set 18.4 --status abandoned",
        "convention" => "Exemples :
  ctg convention set --start 2024-01-01 --end 31/12/2027",
        "convention set" => "Exemples :
  ctg convention set --start 2024-01-01 --end 31/12/2027
  ctg convention set --adopted 2023-12-14 --caf \"Caf de la Haute-Garonne\" --dry-run",
        "modality remove" => "Exemples :
  ctg modality remove 18.3
  ctg modality remove 18.1 --force --dry-run",
        "meeting add" => "Exemples :
  ctg meeting add copil --date 2026-03-12 --decision \"Priorité au lieu ressource parents\"
  ctg meeting add cotech --date 05/06/2026 --title \"Comité technique de printemps\" --dry-run",
        "meeting list" => "Exemples :
  ctg meeting list
  ctg meeting list --year 2023 --body copil
  ctg meeting list --format json",
        "new" => "Exemples :
  ctg new --axis 2 --title \"Créer un lieu d'accueil enfants-parents\"
  ctg new --axis 4 --title \"Chantiers jeunes\" --pilot Communes --modality \"Appel aux jeunes\" --dry-run",
        "report" => "Exemples :
  ctg report                                   # l'année passée, en markdown à l'écran
  ctg report --year 2025 -o bilan-2025.html    # le format d'après l'extension
  ctg report --from 2025-01-01 --to 2025-06-30 --format json
  ctg report --year 2025 -o bilan-2025.xlsx
  ctg report --year 2025 -o bilan-2025.docx    # pour Word ou LibreOffice

Le même plan et la même date (--today) donnent les mêmes octets, dans tous les formats.",
        "portfolio" => "Exemples :
  ctg portfolio plans/                       # tous les plans sous plans/
  ctg portfolio plans/ --sort late           # les plus en retard d'abord
  ctg portfolio plans/ --format csv > suivi-ctg.csv

Un plan en erreur est une ligne avec son nombre d'erreurs et la première ; le code
de sortie est 1 si un plan a une erreur, une fois toutes les lignes affichées.",
        "diff" => "Exemples :
  ctg diff copil-2024                      # depuis l'étiquette du dernier comité
  ctg diff copil-2024 copil-2025           # entre deux comités
  ctg diff HEAD~3 --format json

REV2 vaut par défaut les fichiers tels qu'ils sont. Le dossier du plan doit être suivi par git.",
        "init" => "Exemples :
  ctg init ctg-2025 --territory \"Communauté de communes du Pays d'Exemple\"
  ctg init plan --territory \"CC d'Exemple\" --caf \"Caf de l'Exemple\" --start 2025-01-01 --end 2028-12-31",
        "schema" => "Exemples :
  ctg schema action > schemas/action.schema.json
  ctg schema convention -o schemas/convention.schema.json",
        "completions" => "Exemples :
  ctg completions bash > ~/.local/share/bash-completion/completions/ctg
  ctg completions zsh > \"${fpath[1]}/_ctg\"
  ctg completions fish > ~/.config/fish/completions/ctg.fish",
        "man" => "Exemples :
  ctg man > ~/.local/share/man/man1/ctg.1
  ctg man | man -l -",
        _ => return None,
    })
}
