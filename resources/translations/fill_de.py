#!/usr/bin/env python3
"""Fills German translations into supportdesk_de.ts after lupdate (run from the repo root).

Kept as a table so that new strings are easy to add; lupdate keeps existing translations.
"""
import sys
import xml.etree.ElementTree as ET

DE = {
    "   Contact:": "   Kontakt:", "   Org:": "   Organisation:", "   Rating:": "   Bewertung:",
    " (unsaved edit)": " (ungespeicherte Änderung)", " Server: ": " Server: ", " s": " s",
    "%1 ms": "%1 ms", "%1 of %2 sessions shown": "%1 von %2 Sitzungen angezeigt", "%1: %2": "%1: %2",
    "%n order(s) added to the list.": ("%n Auftrag zur Liste hinzugefügt.", "%n Aufträge zur Liste hinzugefügt."),
    "%n request(s) in flight": ("%n Anfrage läuft", "%n Anfragen laufen"),
    "&About SupportDesk": "&Über SupportDesk", "&Add": "&Hinzufügen",
    "&Assign or reassign agent…": "Bearbeiter &zuweisen oder ändern…", "&Assign…": "&Zuweisen…",
    "&Close session…": "Sitzung &schließen…", "&Concurrency:": "&Parallele Anfragen:",
    "&Description:": "&Beschreibung:", "&E-mail:": "&E-Mail:", "&Export list as CSV…": "Liste als CSV &exportieren…",
    "&FAQ link:": "&FAQ-Link:", "&File": "&Datei", "&Filter sessions": "Sitzungen &filtern",
    "&Go to order": "&Gehe zu Auftrag", "&Help": "&Hilfe", "&Import order IDs…": "Auftragsnummern &importieren…",
    "&Keyboard shortcuts": "&Tastenkürzel", "&Name:": "&Name:", "&New support request…": "&Neue Supportanfrage…",
    "&Open order…": "Auftrag ö&ffnen…", "&Order ID:": "&Auftragsnummer:", "&Paste order IDs": "Auftragsnummern ein&fügen",
    "&Phone:": "&Telefon:", "&Quit": "&Beenden", "&Reassign…": "&Neu zuweisen…", "&Refresh": "&Aktualisieren",
    "&Refresh every:": "&Aktualisieren alle:", "&Remove": "&Entfernen", "&Retry": "&Wiederholen",
    "&Save": "&Speichern", "&Save changes": "Änderungen &speichern", "&Session": "&Sitzung", "&Topic:": "&Thema:",
    "&Unassign agent": "&Zuweisung aufheben", "&View": "&Ansicht", "(none)": "(keine)",
    "<h3>SupportDesk %1</h3><p>A desktop console for support sessions on marketplace orders, speaking the GovStack e-Marketplace Support Management API.</p>":
        "<h3>SupportDesk %1</h3><p>Eine Desktop-Konsole für Supportsitzungen zu Marktplatz-Aufträgen über die GovStack-e-Marketplace-Support-Management-API.</p>",
    "About SupportDesk": "Über SupportDesk", "Access &token:": "Zugriffs&token:", "Access token": "Zugriffstoken",
    "Action": "Aktion", "Agent": "Bearbeiter", "Agent &ID:": "Bearbeiter-&ID:", "Agent ID": "Bearbeiter-ID",
    "Agent e-mail": "E-Mail des Bearbeiters", "Agent name": "Name des Bearbeiters", "Agent phone": "Telefon des Bearbeiters",
    "All": "Alle", "An agent needs an ID.": "Ein Bearbeiter braucht eine ID.", "Any status": "Jeder Status",
    "Assign": "Zuweisen", "Assign order %1": "Auftrag %1 zuweisen", "CSV files (*.csv)": "CSV-Dateien (*.csv)",
    "CSV or text files (*.csv *.txt);;All files (*)": "CSV- oder Textdateien (*.csv *.txt);;Alle Dateien (*)",
    "Callback &phone:": "&Rückruftelefon:", "Callback phone": "Rückruftelefon", "Cannot read %1: %2": "%1 kann nicht gelesen werden: %2",
    "Chat &URL:": "Chat-&URL:", "Chat &session:": "Chat-&Sitzung:", "Chat URL": "Chat-URL", "Chat session": "Chat-Sitzung",
    "Chat session ID": "Chat-Sitzungs-ID", "Close session": "Sitzung schließen",
    "Close the support session of order %1?\n\nThe server cannot reopen it: a new request would start a new session.":
        "Die Supportsitzung zu Auftrag %1 schließen?\n\nDer Server kann sie nicht wieder öffnen: eine neue Anfrage beginnt eine neue Sitzung.",
    "Command line (%1)": "Kommandozeile (%1)", "Connect to this server directly.": "Direkt mit diesem Server verbinden.",
    "Copy as curl": "Als curl kopieren", "Could not %1 order %2": "Auftrag %2: %1 fehlgeschlagen",
    "Could not read the access token: %1": "Das Zugriffstoken konnte nicht gelesen werden: %1",
    "Could not save the session list: %1": "Die Sitzungsliste konnte nicht gespeichert werden: %1",
    "Could not store the access token: %1": "Das Zugriffstoken konnte nicht gespeichert werden: %1",
    "Could not write %1: %2": "%1 konnte nicht geschrieben werden: %2", "Create": "Anlegen",
    "Demo (built-in sandbox)": "Demo (eingebaute Sandbox)", "Description": "Beschreibung",
    "Desktop console for support sessions on marketplace orders.": "Desktop-Konsole für Supportsitzungen zu Marktplatz-Aufträgen.",
    "Dismiss": "Ausblenden", "Duration": "Dauer", "E-mail: <a href=\"mailto:%1\">%1</a>": "E-Mail: <a href=\"mailto:%1\">%1</a>",
    "Error": "Fehler", "Export sessions": "Sitzungen exportieren", "Exported %1 sessions to %2.": "%1 Sitzungen nach %2 exportiert.",
    "FAQ t&ype:": "FAQ-T&yp:", "Filter by order, agent or phone (Ctrl+F)": "Nach Auftrag, Bearbeiter oder Telefon filtern (Strg+F)",
    "Filter sessions": "Sitzungen filtern", "Go to order": "Gehe zu Auftrag", "Go to order (Ctrl+L)": "Gehe zu Auftrag (Strg+L)",
    "Import order IDs": "Auftragsnummern importieren", "Keyboard shortcuts": "Tastenkürzel", "Last change seen": "Letzte Änderung gesehen",
    "Links:": "Links:", "Local server": "Lokaler Server", "Main": "Haupt", "Method": "Methode", "Mine": "Meine",
    "My &agent ID:": "Meine &Bearbeiter-ID:", "My agent ID": "Meine Bearbeiter-ID", "New server": "Neuer Server",
    "New support request": "Neue Supportanfrage", "No agent assigned.": "Kein Bearbeiter zugewiesen.",
    "No keychain available": "Kein Schlüsselbund verfügbar", "No session selected": "Keine Sitzung ausgewählt",
    "Not a phone number: use digits, spaces and an optional leading +.": "Keine Telefonnummer: Ziffern, Leerzeichen und optional ein führendes +.",
    "Number of sample sessions for --demo.": "Anzahl der Beispielsitzungen für --demo.",
    "Open FAQ": "FAQ öffnen", "Open chat": "Chat öffnen", "Open order": "Auftrag öffnen", "Order": "Auftrag",
    "Order %1": "Auftrag %1", "Order %1: done (%2).": "Auftrag %1: erledigt (%2).",
    "Order %1: trying again in %2 s (retry %3)…": "Auftrag %1: neuer Versuch in %2 s (Wiederholung %3)…",
    "Order ID": "Auftragsnummer", "Order ID:": "Auftragsnummer:", "Organization: %1": "Organisation: %1",
    "Other fields (read-only)": "Weitere Felder (schreibgeschützt)", "Other fields:": "Weitere Felder:", "Path": "Pfad",
    "Phone: %1": "Telefon: %1", "Profile name": "Profilname", "Profiles": "Profile", "Rating: %1": "Bewertung: %1",
    "Re&vert": "&Verwerfen", "Reassign": "Neu zuweisen", "Reassign order %1": "Auftrag %1 neu zuweisen",
    "Refresh &all": "&Alle aktualisieren", "Refreshed %1 sessions, %2 failed.": "%1 Sitzungen aktualisiert, %2 fehlgeschlagen.",
    "Refreshing: %1 of %2 done, %3 failed": "Aktualisiere: %1 von %2 erledigt, %3 fehlgeschlagen",
    "Request &log": "Anfrage&protokoll", "Request log": "Anfrageprotokoll", "S&ummary:": "&Zusammenfassung:",
    "Se&ttings": "&Einstellungen", "Select a session in the list, or open one by order ID (Ctrl+O).":
        "Wählen Sie eine Sitzung in der Liste oder öffnen Sie eine per Auftragsnummer (Strg+O).",
    "Server &URL:": "Server-&URL:", "Server &profiles…": "Server&profile…", "Server URL": "Server-URL",
    "Server profile": "Serverprofil", "Server profiles": "Serverprofile", "Shortcut": "Tastenkürzel",
    "Start a built-in sandbox server with sample sessions and use it.": "Einen eingebauten Sandbox-Server mit Beispielsitzungen starten und verwenden.",
    "Status": "Status", "Status filter": "Statusfilter", "Support sessions": "Supportsitzungen", "SupportDesk": "SupportDesk",
    "SupportDesk keeps access tokens only in the system keychain, and none is available (%1).\n\nUse the token for this run only? It will not be written anywhere and must be entered again next time.":
        "SupportDesk speichert Zugriffstokens nur im Schlüsselbund des Systems, und keiner ist verfügbar (%1).\n\nDas Token nur für diese Sitzung verwenden? Es wird nirgends gespeichert und muss beim nächsten Start erneut eingegeben werden.",
    "SupportDesk — %1": "SupportDesk — %1", "T&imeout:": "&Zeitlimit:", "The access token is stored in the system keychain.":
        "Das Zugriffstoken ist im Schlüsselbund des Systems gespeichert.",
    "The callback phone is not a phone number.": "Das Rückruftelefon ist keine Telefonnummer.",
    "The e-mail address needs an @.": "Die E-Mail-Adresse braucht ein @.",
    "The order ID contains only white space.": "Die Auftragsnummer enthält nur Leerzeichen.",
    "The order ID is %1 bytes long; at most %2 are allowed.": "Die Auftragsnummer ist %1 Byte lang; höchstens %2 sind erlaubt.",
    "The order ID is empty.": "Die Auftragsnummer ist leer.", "The phone is not a phone number.": "Das Telefon ist keine Telefonnummer.",
    "The saved session list could not be read: %1": "Die gespeicherte Sitzungsliste konnte nicht gelesen werden: %1",
    "The server address must start with http:// or https://.": "Die Serveradresse muss mit http:// oder https:// beginnen.",
    "The server said: %1": "Der Server meldet: %1", "Time": "Zeit", "Topic": "Thema", "U&nassign": "&Zuweisung aufheben",
    "Unassigned": "Nicht zugewiesen", "Whose sessions": "Wessen Sitzungen",
    "Your edit is kept as a draft. Refresh to see their version, then save again.":
        "Ihre Änderung bleibt als Entwurf erhalten. Aktualisieren Sie, um die andere Fassung zu sehen, und speichern Sie dann erneut.",
    "a support session for it is already open (HTTP 409)": "eine Supportsitzung dazu ist bereits offen (HTTP 409)",
    "assign an agent to": "Bearbeiter zuweisen", "close": "Schließen", "closed": "geschlossen", "create": "Anlegen",
    "error": "Fehler", "fetch": "Abrufen", "fetch the agent of": "Bearbeiter abrufen", "idle": "bereit",
    "last loaded %1": "zuletzt geladen %1", "never": "nie", "no agent is assigned (HTTP 404)": "kein Bearbeiter zugewiesen (HTTP 404)",
    "no name": "kein Name", "none": "keine", "not found": "nicht gefunden", "not loaded": "nicht geladen", "open": "offen",
    "optional, e.g. +49 30 1234567": "optional, z. B. +49 30 1234567", "pending change": "Änderung läuft",
    "pending change…": "Änderung läuft…", "remove the agent from": "Bearbeiter entfernen",
    "the input is not valid": "die Eingabe ist ungültig", "the request was cancelled": "die Anfrage wurde abgebrochen",
    "the server could not be reached": "der Server ist nicht erreichbar", "the server did not answer in time": "der Server hat nicht rechtzeitig geantwortet",
    "the server failed (HTTP %1)": "Serverfehler (HTTP %1)", "the server refused the access token (HTTP 401)": "der Server lehnt das Zugriffstoken ab (HTTP 401)",
    "the server refused the request (HTTP %1)": "der Server lehnt die Anfrage ab (HTTP %1)",
    "the server's answer was not a valid response": "die Antwort des Servers ist ungültig",
    "the server's certificate could not be verified": "das Zertifikat des Servers konnte nicht geprüft werden",
    "the session was changed by someone else since it was loaded": "die Sitzung wurde seit dem Laden von jemand anderem geändert",
    "there is no open support session for it (HTTP 404)": "dazu ist keine Supportsitzung offen (HTTP 404)",
    "unchanged": "unverändert", "unsaved edit kept as a draft": "ungespeicherte Änderung als Entwurf erhalten",
    "update": "Aktualisieren",
}

# Added for issue 11 (menus, bulk, audit, outbox, core messages). Add new strings anywhere in a
# table; plural entries are (singular, plural) tuples.
DE.update({
    # main.cpp
    "Open the New support request dialog at start.": "Beim Start den Dialog „Neue Supportanfrage“ öffnen.",
    # Files and folders (privatefile, workspace store)
    "Cannot create the folder %1: %2": "Der Ordner %1 kann nicht angelegt werden: %2",
    "Cannot make the folder %1 private: %2": "Der Ordner %1 kann nicht privat gemacht werden: %2",
    "Cannot create %1: %2": "%1 kann nicht angelegt werden: %2",
    "Cannot make %1 private: %2": "%1 kann nicht privat gemacht werden: %2",
    "%1: %2": "%1: %2", "Cannot open %1: %2": "%1 kann nicht geöffnet werden: %2",
    "It was written by a newer SupportDesk (format %1).": "Sie wurde von einer neueren SupportDesk-Version geschrieben (Format %1).",
    "Cannot use %1: %2": "%1 kann nicht verwendet werden: %2",
    "The session list is not open.": "Die Sitzungsliste ist nicht geöffnet.",
    # The API client and its answers
    "The server sent an empty body.": "Der Server hat eine leere Antwort gesendet.",
    "The server answered with content type \"%1\" instead of JSON.": "Der Server hat mit dem Inhaltstyp „%1“ statt JSON geantwortet.",
    "The agent is not valid: %1 at \"%2\".": "Der Bearbeiter ist ungültig: %1 bei „%2“.",
    "Cannot read the CA certificate file %1: %2": "Die CA-Zertifikatsdatei %1 kann nicht gelesen werden: %2",
    "The file %1 holds no PEM or DER certificate.": "Die Datei %1 enthält kein PEM- oder DER-Zertifikat.",
    "The server address \"%1\" is not an absolute URL.": "Die Serveradresse „%1“ ist keine absolute URL.",
    "The order ID \"%1\" cannot be sent: servers read it as a step in the path, not as an ID.":
        "Die Auftragsnummer „%1“ kann nicht gesendet werden: Server lesen sie als Schritt im Pfad, nicht als Nummer.",
    "The server address must not contain a user name or password: they would be stored and shown with it. Give an access token instead.":
        "Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten: sie würden mit ihr gespeichert und angezeigt. Geben Sie stattdessen ein Zugriffstoken an.",
    "The response is larger than the limit of %1 bytes.": "Die Antwort ist größer als die Grenze von %1 Byte.",
    "The response was cut off before its end (%1).": "Die Antwort wurde vor ihrem Ende abgeschnitten (%1).",
    "Unexpected HTTP status %1.": "Unerwarteter HTTP-Status %1.",
    "The server asked to wait %1 s before trying again.": "Der Server bittet, vor einem neuen Versuch %1 s zu warten.",
    "The server redirected the request to %1, another server; requests are only sent to the configured server.":
        "Der Server hat die Anfrage an %1 umgeleitet, einen anderen Server; Anfragen gehen nur an den eingestellten Server.",
    "The server redirected the request more than %n time(s).":
        ("Der Server hat die Anfrage mehr als %n Mal umgeleitet.", "Der Server hat die Anfrage mehr als %n Mal umgeleitet."),
    "The connection was closed before the answer arrived.": "Die Verbindung wurde geschlossen, bevor die Antwort ankam.",
    "The JSON text is larger than %L1 bytes.": "Der JSON-Text ist größer als %L1 Byte.",
    "Line %1, column %2: values are nested deeper than %n levels.":
        ("Zeile %1, Spalte %2: Werte sind tiefer als %n Ebene verschachtelt.", "Zeile %1, Spalte %2: Werte sind tiefer als %n Ebenen verschachtelt."),
    "Line %1, column %2: this is not valid JSON.": "Zeile %1, Spalte %2: das ist kein gültiges JSON.",
    "The session changed on the server.": "Die Sitzung wurde auf dem Server geändert.",
    "The stored change cannot be read (%1); it was not sent.": "Die gespeicherte Änderung kann nicht gelesen werden (%1); sie wurde nicht gesendet.",
    "The session is not valid: %1 at \"%2\".": "Die Sitzung ist ungültig: %1 bei „%2“.",
    "The server answered with order \"%1\" instead of \"%2\".": "Der Server hat mit Auftrag „%1“ statt „%2“ geantwortet.",
    "The server did not send the current session to update.": "Der Server hat die zu aktualisierende Sitzung nicht gesendet.",
    "The current session is not valid: %1 at \"%2\".": "Die aktuelle Sitzung ist ungültig: %1 bei „%2“.",
    # The saved session list (workspace)
    "%1 is not a SupportDesk workspace file.": "%1 ist keine SupportDesk-Arbeitsbereichsdatei.",
    "%1 is not a SupportDesk workspace file. %2": "%1 ist keine SupportDesk-Arbeitsbereichsdatei. %2",
    "expected %1, got %2": "erwartet %1, erhalten %2", "it is missing": "er fehlt", "it is empty": "er ist leer",
    "not a date and time": "kein Datum mit Uhrzeit", "%1, line %2": "%1, Zeile %2", "%1, entry %2": "%1, Eintrag %2",
    "%1: the entry is not an object (%2); it is left out.": "%1: der Eintrag ist kein Objekt (%2); er wird ausgelassen.",
    "%1: the entry has no usable order ID at /order_id (%2); it is left out.":
        "%1: der Eintrag hat unter /order_id keine brauchbare Auftragsnummer (%2); er wird ausgelassen.",
    "%1: the value at %2 is not usable (%3); the entry is kept without it.":
        "%1: der Wert unter %2 ist nicht brauchbar (%3); der Eintrag wird ohne ihn behalten.",
    "%1: the line is longer than %L2 bytes; it is left out.": "%1: die Zeile ist länger als %L2 Byte; sie wird ausgelassen.",
    "%1: values are nested deeper than %n levels; the entry is left out.":
        ("%1: Werte sind tiefer als %n Ebene verschachtelt; der Eintrag wird ausgelassen.",
         "%1: Werte sind tiefer als %n Ebenen verschachtelt; der Eintrag wird ausgelassen."),
    "%1: this is not valid JSON (column %2); the entry is left out.": "%1: das ist kein gültiges JSON (Spalte %2); der Eintrag wird ausgelassen.",
    "%1 is larger than %L2 bytes.": "%1 ist größer als %L2 Byte.",
    # Audit trail
    "Before: %1\nAfter: %2": "Vorher: %1\nNachher: %2", "#": "Nr.", "User": "Benutzer", "Operation": "Vorgang",
    "Result": "Ergebnis", "Audit trail": "Prüfprotokoll", "Filter by order or agent": "Nach Auftrag oder Bearbeiter filtern",
    "Order or agent": "Auftrag oder Bearbeiter", "From date": "Ab Datum", "To date": "Bis Datum", "Audit entries": "Protokolleinträge",
    "Chain intact (%n record(s)): none changed, removed or reordered.":
        ("Kette intakt (%n Eintrag): keiner geändert, entfernt oder umgestellt.",
         "Kette intakt (%n Einträge): keiner geändert, entfernt oder umgestellt."),
    "TAMPERED: %1": "MANIPULIERT: %1", "&Export CSV…": "Als CSV &exportieren…", "Export audit trail": "Prüfprotokoll exportieren",
    "from": "von", "to": "bis",
    "The audit trail could not be written: %1": "Das Prüfprotokoll konnte nicht geschrieben werden: %1",
    # Bulk preview and progress
    "Run on %n session(s)": ("Für %n Sitzung ausführen", "Für %n Sitzungen ausführen"),
    "What will change": "Was sich ändert", "Progress": "Fortschritt", "Results": "Ergebnisse", "&Cancel": "&Abbrechen",
    "&Retry failed": "Fehlgeschlagene &wiederholen", "C&lose": "&Schließen", "%1 — waiting": "%1 — wartet",
    "%1 — done": "%1 — erledigt", "%1 — FAILED: %2": "%1 — FEHLGESCHLAGEN: %2",
    "%1 done, %2 failed, %3 remaining": "%1 erledigt, %2 fehlgeschlagen, %3 übrig", "about %1 s left": "noch etwa %1 s",
    "cancelled": "abgebrochen", "finished": "fertig",
    "Reassign sessions": "Sitzungen neu zuweisen", "Unassign sessions": "Bearbeiter von Sitzungen entfernen",
    "Close sessions": "Sitzungen schließen",
    "%n session(s) will change:": ("%n Sitzung wird geändert:", "%n Sitzungen werden geändert:"),
    "Closing cannot be undone: the server cannot reopen a session.":
        "Schließen lässt sich nicht rückgängig machen: der Server kann eine Sitzung nicht wieder öffnen.",
    "Edit > Undo puts every previous agent back.": "Bearbeiten > Rückgängig setzt alle vorherigen Bearbeiter wieder ein.",
    "%1: %2 → %3": "%1: %2 → %3", "%1: %2 → (none)": "%1: %2 → (keiner)", "%1: close the session": "%1: Sitzung schließen",
    "Undo/redo: %1 of %2 sessions done, %3 failed.": "Rückgängig/Wiederherstellen: %1 von %2 Sitzungen erledigt, %3 fehlgeschlagen.",
    "Select sessions first (%1 selects every session the filter shows).":
        "Wählen Sie zuerst Sitzungen aus (%1 wählt alle Sitzungen, die der Filter zeigt).",
    # Conflicts
    "FAQ link": "FAQ-Link", "Summary": "Zusammenfassung", "Order %1 changed meanwhile": "Auftrag %1 wurde inzwischen geändert",
    "Someone else changed this session since you loaded it. Choose, per field, which value to keep. Nothing is sent until you confirm.":
        "Jemand anderes hat diese Sitzung geändert, seit Sie sie geladen haben. Wählen Sie für jedes Feld, welcher Wert bleiben soll. Gesendet wird erst, wenn Sie bestätigen.",
    "Fields that differ": "Abweichende Felder", "Field": "Feld", "Theirs (on the server)": "Deren Wert (auf dem Server)",
    "Mine (keep)": "Meiner (behalten)", "(empty)": "(leer)", "Save the chosen values": "Gewählte Werte speichern",
    "Keep mine as a draft": "Meine als Entwurf behalten",
    # Detail pane
    "Open a &new support request for this order…": "Eine &neue Supportanfrage für diesen Auftrag öffnen…",
    "Select a session in the list, or open one by order ID (%1).":
        "Wählen Sie eine Sitzung in der Liste oder öffnen Sie eine per Auftragsnummer (%1).",
    "This session is closed and can no longer be changed. A new support request for this order starts a new session.":
        "Diese Sitzung ist geschlossen und kann nicht mehr geändert werden. Eine neue Supportanfrage für diesen Auftrag beginnt eine neue Sitzung.",
    "The server has no open session for this order, so there is nothing to change. A new support request for this order starts one.":
        "Der Server hat keine offene Sitzung für diesen Auftrag, es gibt also nichts zu ändern. Eine neue Supportanfrage für diesen Auftrag beginnt eine.",
    # Main window: menus and actions
    "&Edit": "&Bearbeiten", "&Bulk": "Sa&mmelaktionen", "&Undo": "&Rückgängig", "&Redo": "&Wiederherstellen",
    "&Undo %1": "&Rückgängig: %1", "&Redo %1": "&Wiederherstellen: %1",
    "Select all &shown": "Alle &angezeigten auswählen", "&Reassign selected…": "Ausgewählte &neu zuweisen…",
    "U&nassign selected…": "Bearbeiter von Ausgewählten &entfernen…", "C&lose selected…": "Ausgewählte sch&ließen…",
    "&Audit trail…": "Prüfproto&koll…", "&Notify me when my sessions change": "&Benachrichtigen, wenn sich meine Sitzungen ändern",
    "Re&vert changes": "Änderungen &verwerfen", "Re&move from list": "Aus der Liste ent&fernen",
    "Filter by order, agent or phone (%1)": "Nach Auftrag, Bearbeiter oder Telefon filtern (%1)",
    "Go to order (%1)": "Gehe zu Auftrag (%1)",
    # Main window: titles, undo texts, status messages
    "%1 — SupportDesk": "%1 — SupportDesk", "(%1) %2 — SupportDesk": "(%1) %2 — SupportDesk",
    "Assign agent to %1": "Bearbeiter für %1 zuweisen", "Unassign agent from %1": "Bearbeiter von %1 entfernen",
    "Edit %1": "%1 bearbeiten",
    "Reassign %n session(s)": ("%n Sitzung neu zuweisen", "%n Sitzungen neu zuweisen"),
    "Unassign %n session(s)": ("Bearbeiter von %n Sitzung entfernen", "Bearbeiter von %n Sitzungen entfernen"),
    "Remove %n session(s) from the list": ("%n Sitzung aus der Liste entfernen", "%n Sitzungen aus der Liste entfernen"),
    "%n session(s) removed from the list (not from the server).":
        ("%n Sitzung aus der Liste entfernt (nicht vom Server).", "%n Sitzungen aus der Liste entfernt (nicht vom Server)."),
    "%n session(s) with a change on its way stay in the list.":
        ("%n Sitzung mit einer laufenden Änderung bleibt in der Liste.", "%n Sitzungen mit einer laufenden Änderung bleiben in der Liste."),
    "Order %1: support request created.": "Auftrag %1: Supportanfrage angelegt.", "Order %1: loaded.": "Auftrag %1: geladen.",
    "Order %1: changes saved.": "Auftrag %1: Änderungen gespeichert.", "Order %1: session closed.": "Auftrag %1: Sitzung geschlossen.",
    "Order %1: agent loaded.": "Auftrag %1: Bearbeiter geladen.", "Order %1: agent assigned.": "Auftrag %1: Bearbeiter zugewiesen.",
    "Order %1: agent removed.": "Auftrag %1: Bearbeiter entfernt.", "Order %1: done.": "Auftrag %1: erledigt.",
    "Refreshing %n session(s): %1 done…": ("Aktualisiere %n Sitzung: %1 erledigt…", "Aktualisiere %n Sitzungen: %1 erledigt…"),
    "Refreshed %n session(s).": ("%n Sitzung aktualisiert.", "%n Sitzungen aktualisiert."),
    "No open session on the server for %n of them.":
        ("Für %n davon ist auf dem Server keine Sitzung offen.", "Für %n davon ist auf dem Server keine Sitzung offen."),
    "%n session(s) could not be refreshed.":
        ("%n Sitzung konnte nicht aktualisiert werden.", "%n Sitzungen konnten nicht aktualisiert werden."),
    "Order IDs (separated by spaces or commas):": "Auftragsnummern (durch Leerzeichen oder Kommas getrennt):",
    "Order %1 could not be read from the saved session list: %2":
        "Auftrag %1 konnte nicht aus der gespeicherten Sitzungsliste gelesen werden: %2",
    "Loading the session list…": "Die Sitzungsliste wird geladen…",
    "The saved session list could not be read: %1 — changes are kept until SupportDesk closes, not saved.":
        "Die gespeicherte Sitzungsliste konnte nicht gelesen werden: %1 — Änderungen bleiben bis zum Beenden von SupportDesk erhalten, werden aber nicht gespeichert.",
    "Part of the earlier session list could not be imported (%n problem(s)). The first: %1":
        ("Ein Teil der früheren Sitzungsliste konnte nicht übernommen werden (%n Problem). Das erste: %1",
         "Ein Teil der früheren Sitzungsliste konnte nicht übernommen werden (%n Probleme). Das erste: %1"),
    "Could not save the session list: %1 — will try again.":
        "Die Sitzungsliste konnte nicht gespeichert werden: %1 — es wird erneut versucht.",
    # Notifications and the offline outbox
    "Session %1 is no longer yours": "Sitzung %1 gehört nicht mehr Ihnen", "Its agent was removed.": "Ihr Bearbeiter wurde entfernt.",
    "It was reassigned to %1.": "Sie wurde %1 zugewiesen.", "Session %1 changed": "Sitzung %1 wurde geändert",
    "Someone else changed a session assigned to you.": "Jemand anderes hat eine Ihnen zugewiesene Sitzung geändert.",
    "%n changed by others": ("%n von anderen geändert", "%n von anderen geändert"),
    "The offline outbox cannot be opened: %1": "Der Offline-Postausgang kann nicht geöffnet werden: %1",
    "A change waiting for order %1 was refused: %2": "Eine wartende Änderung für Auftrag %1 wurde abgelehnt: %2",
    "Offline: %n change(s) waiting": ("Offline: %n Änderung wartet", "Offline: %n Änderungen warten"),
    "next try in %1 s": "nächster Versuch in %1 s",
    "The change could not be kept in the outbox: %1": "Die Änderung konnte nicht im Postausgang abgelegt werden: %1",
    "The server cannot be reached. Your change is kept in the outbox and will be sent, in order, when it answers again.":
        "Der Server ist nicht erreichbar. Ihre Änderung liegt im Postausgang und wird der Reihe nach gesendet, sobald er wieder antwortet.",
    "nobody": "niemand", "assign the agent you chose": "den gewählten Bearbeiter zuweisen",
    "remove the agent": "den Bearbeiter entfernen", "close the session": "die Sitzung schließen",
    "While you were offline someone else changed order %1 (agent now: %2).\n\nStill %3?":
        "Während Sie offline waren, hat jemand anderes Auftrag %1 geändert (Bearbeiter jetzt: %2).\n\nTrotzdem %3?",
    # Request log
    "Copy as curl with the real body": "Als curl mit dem echten Inhalt kopieren",
    "The body is masked: run as it is, this would overwrite phone numbers and e-mail addresses with the masked text. Use \"Copy as curl with the real body\" to send it again.":
        "Der Inhalt ist maskiert: so ausgeführt, würde er Telefonnummern und E-Mail-Adressen mit dem maskierten Text überschreiben. Nehmen Sie „Als curl mit dem echten Inhalt kopieren“, um ihn erneut zu senden.",
})

# Audit trail (intent and outcome, head file, sealed damage)
DE.update({
    '"%1" is not a string': "„%1“ ist keine Zeichenkette",
    '"%1" is not a whole number': "„%1“ ist keine ganze Zahl",
    '"damage" is not an object': "„damage“ ist kein Objekt",
    '"hash" is not a SHA-256 in hex': "„hash“ ist kein SHA-256-Wert in Hexadezimalschreibweise",
    '"prev" is not a SHA-256 in hex': "„prev“ ist kein SHA-256-Wert in Hexadezimalschreibweise",
    '"seq" is not a positive whole number': "„seq“ ist keine positive ganze Zahl",
    "%1 line %2 is not an audit entry: %3.": "%1, Zeile %2 ist kein Eintrag des Prüfprotokolls: %3.",
    "%n byte(s) at its end are not audit entries": ("%n Byte an seinem Ende ist kein Protokolleintrag",
                                                    "%n Bytes an seinem Ende sind keine Protokolleinträge"),
    "%n byte(s) at its end were cut off by an interrupted write": (
        "%n Byte an seinem Ende wurde durch einen abgebrochenen Schreibvorgang abgeschnitten",
        "%n Bytes an seinem Ende wurden durch einen abgebrochenen Schreibvorgang abgeschnitten"),
    "%n write(s) with outcome unknown (sent, but no outcome was recorded): %1.": (
        "%n Änderung mit unbekanntem Ergebnis (gesendet, aber kein Ergebnis festgehalten): %1.",
        "%n Änderungen mit unbekanntem Ergebnis (gesendet, aber kein Ergebnis festgehalten): %1."),
    "Cannot open the audit log %1: %2": "Das Prüfprotokoll %1 kann nicht geöffnet werden: %2",
    "Cannot write the audit log %1: %2": "Das Prüfprotokoll %1 kann nicht geschrieben werden: %2",
    "Cannot write the audit log: %1": "Das Prüfprotokoll kann nicht geschrieben werden: %1",
    "Cannot write the head file %1: %2": "Die Kopfdatei %1 kann nicht geschrieben werden: %2",
    "Entry %1 (line %2) is not the one recorded in %3.": "Eintrag %1 (Zeile %2) ist nicht der in %3 festgehaltene.",
    "Entry %1 (line %2) records damage found before it was written: %3.":
        "Eintrag %1 (Zeile %2) hält einen Schaden fest, der vor ihm gefunden wurde: %3.",
    "Entry %1 (line %2) seals a write cut off by an interruption: %3. The entries after it are intact.":
        "Eintrag %1 (Zeile %2) versiegelt einen durch eine Unterbrechung abgeschnittenen Schreibvorgang: %3. Die Einträge danach sind intakt.",
    "Line %1 carries sequence number %2 instead of %3.": "Zeile %1 trägt die laufende Nummer %2 statt %3.",
    "Line %1 does not follow the entry before it (an entry was removed, inserted or moved).":
        "Zeile %1 folgt nicht auf den Eintrag davor (ein Eintrag wurde entfernt, eingefügt oder verschoben).",
    "Line %1 is not an audit entry: %2.": "Zeile %1 ist kein Eintrag des Prüfprotokolls: %2.",
    "Line %1 records damage that is not there.": "Zeile %1 hält einen Schaden fest, der nicht vorhanden ist.",
    "Line %1 was changed after it was written.": "Zeile %1 wurde nach dem Schreiben verändert.",
    "Line %1 was cut off by an interrupted write; the next change recorded seals it.":
        "Zeile %1 wurde durch einen abgebrochenen Schreibvorgang abgeschnitten; die nächste festgehaltene Änderung versiegelt sie.",
    "The audit log %1 is locked by another program.": "Das Prüfprotokoll %1 ist von einem anderen Programm gesperrt.",
    "The audit log %1 was damaged: %2. The damage is recorded in entry %3.":
        "Das Prüfprotokoll %1 war beschädigt: %2. Der Schaden ist in Eintrag %3 festgehalten.",
    "The audit trail could not be written, so nothing was sent. %1":
        "Das Prüfprotokoll konnte nicht geschrieben werden, daher wurde nichts gesendet. %1",
    "The audit trail: %1": "Prüfprotokoll: %1",
    "The disk did not confirm the audit log %1 within a minute.":
        "Der Datenträger hat das Prüfprotokoll %1 nicht innerhalb einer Minute bestätigt.",
    "The head file %1 cannot be read: %2.": "Die Kopfdatei %1 kann nicht gelesen werden: %2.",
    "The head file %1 is missing, so entries removed from the end of the log would not show.":
        "Die Kopfdatei %1 fehlt, daher würden am Ende des Protokolls entfernte Einträge nicht auffallen.",
    "The log ends at entry %1, but entry %2 was written (%3): entries were removed from its end.":
        "Das Protokoll endet bei Eintrag %1, aber Eintrag %2 wurde geschrieben (%3): an seinem Ende wurden Einträge entfernt.",
    "entry %1 (order %2)": "Eintrag %1 (Auftrag %2)",
    "intent (outcome in entry %1)": "Absicht (Ergebnis in Eintrag %1)",
    "it ends at entry %1, but entry %2 had been written: entries were removed from its end":
        "es endet bei Eintrag %1, aber Eintrag %2 war geschrieben: an seinem Ende wurden Einträge entfernt",
    "it is longer than %1 bytes": "sie ist länger als %1 Bytes",
    "it is nested more than %1 levels deep": "sie ist tiefer als %1 Ebenen verschachtelt",
    "it is not a JSON object": "sie ist kein JSON-Objekt",
    "it is not a head record": "sie ist kein Kopfeintrag",
    "its head file was missing": "seine Kopfdatei fehlte",
    "its head file was not readable (%1)": "seine Kopfdatei war nicht lesbar (%1)",
    "not sent": "nicht gesendet",
    "outcome unknown": "Ergebnis unbekannt",
})

# Conflicts and the outbox (issue 11)
DE.update({
    "FAQ type": "FAQ-Typ",
    "The new support request was sent once but its answer never arrived, and the server has no session for the order. It is not sent again automatically: create it again if it is still needed.":
        "Die neue Supportanfrage wurde einmal gesendet, aber ihre Antwort kam nie an, und der Server hat keine Sitzung zu diesem Auftrag. Sie wird nicht automatisch erneut gesendet: Legen Sie sie noch einmal an, wenn sie noch gebraucht wird.",
})

DE.update({
    "The audit log %1 is missing, but its head file %2 records that entry %3 had been written: the log was removed.":
        "Das Prüfprotokoll %1 fehlt, aber seine Kopfdatei %2 hält fest, dass Eintrag %3 geschrieben worden war: das Protokoll wurde entfernt.",
})

# A session's history and changes made elsewhere (issue 11, i-history)
DE.update({
    "%1: the line at byte %2 is not an audit entry: %3.": "%1: die Zeile bei Byte %2 ist kein Eintrag des Prüfprotokolls: %3.",
    "Other fields": "Weitere Felder",
    "History": "Verlauf",
    "someone": "jemandem",
    "A change sent by you has no recorded outcome: it may or may not have been made.":
        "Für eine von Ihnen gesendete Änderung ist kein Ergebnis festgehalten: Sie wurde vielleicht ausgeführt, vielleicht nicht.",
    "A change sent by %1 has no recorded outcome: it may or may not have been made.":
        "Für eine von %1 gesendete Änderung ist kein Ergebnis festgehalten: Sie wurde vielleicht ausgeführt, vielleicht nicht.",
    "Support request created by you.": "Supportanfrage von Ihnen angelegt.",
    "Support request created by %1.": "Supportanfrage von %1 angelegt.",
    "Session closed by you.": "Sitzung von Ihnen geschlossen.",
    "Session closed by %1.": "Sitzung von %1 geschlossen.",
    "Agent assigned by you.": "Bearbeiter von Ihnen zugewiesen.",
    "Agent assigned by %1.": "Bearbeiter von %1 zugewiesen.",
    "%1 assigned by you in place of %2.": "%1 von Ihnen anstelle von %2 zugewiesen.",
    "%1 assigned by %2 in place of %3.": "%1 von %2 anstelle von %3 zugewiesen.",
    "%1 assigned by you.": "%1 von Ihnen zugewiesen.",
    "%1 assigned by %2.": "%1 von %2 zugewiesen.",
    "Agent removed by you.": "Bearbeiter von Ihnen entfernt.",
    "Agent removed by %1.": "Bearbeiter von %1 entfernt.",
    "%1 removed as agent by you.": "%1 von Ihnen als Bearbeiter entfernt.",
    "%1 removed as agent by %2.": "%1 von %2 als Bearbeiter entfernt.",
    "Changes saved by you.": "Änderungen von Ihnen gespeichert.",
    "Changes saved by %1.": "Änderungen von %1 gespeichert.",
    "The values before are not recorded.": "Die vorherigen Werte sind nicht festgehalten.",
    "%1 changed.": "%1 geändert.",
    "%1 set to “%2”.": "%1 auf „%2“ gesetzt.",
    "%1 cleared (was “%2”).": "%1 geleert (war „%2“).",
    "%1 changed from “%2” to “%3”.": "%1 von „%2“ auf „%3“ geändert.",
    "Changed by you.": "Von Ihnen geändert.",
    "Changed by %1.": "Von %1 geändert.",
    "Changed elsewhere since you last looked: %1.": "Anderswo geändert, seit Sie zuletzt hingesehen haben: %1.",
    "The audit trail cannot be read: %1": "Das Prüfprotokoll kann nicht gelesen werden: %1",
    "No change of this session is recorded in the audit trail on this computer.":
        "Im Prüfprotokoll dieses Computers ist keine Änderung dieser Sitzung festgehalten.",
    "Older changes are in the audit trail.": "Ältere Änderungen stehen im Prüfprotokoll.",
    "%n damaged line(s) of the audit trail were left out.":
        ("%n beschädigte Zeile des Prüfprotokolls wurde ausgelassen.", "%n beschädigte Zeilen des Prüfprotokolls wurden ausgelassen."),
    "Changed elsewhere: %1.": "Anderswo geändert: %1.",
})


# One SQLite path; the outbox keeps a change until its conflict is decided (issue 12, outbox)
DE.update({
    "%1: %2": "%1: %2",
    "The database is not open.": "Die Datenbank ist nicht geöffnet.",
    "It was written by a newer SupportDesk (format %1).": "Sie wurde von einem neueren SupportDesk geschrieben (Format %1).",
    "The file cannot be written.": "Die Datei kann nicht geschrieben werden.",
    "%1 is damaged (%2) and could not be moved aside.": "%1 ist beschädigt (%2) und konnte nicht beiseitegelegt werden.",
    "The file of %1 was damaged and could not be read. It was kept as %2, and a new one was started.":
        "Die Datei %1 war beschädigt und konnte nicht gelesen werden. Sie wurde als %2 aufbewahrt, und eine neue wurde angelegt.",
    "No transaction is open.": "Keine Transaktion ist offen.",
    "the offline outbox": "des Offline-Postausgangs",
    "the session list": "der Sitzungsliste",
    "Cannot use %1: %2": "%1 kann nicht verwendet werden: %2",
    "The offline outbox %1 cannot be written: %2": "Der Offline-Postausgang %1 kann nicht geschrieben werden: %2",
    "The session was closed on the server.": "Die Sitzung wurde auf dem Server geschlossen.",
    "Order %1 was closed on the server before your change reached it. Your change is kept as a draft.":
        "Auftrag %1 wurde auf dem Server geschlossen, bevor Ihre Änderung ihn erreichte. Ihre Änderung bleibt als Entwurf erhalten.",
    "Order %1 was closed on the server before your change reached it. The change was dropped.":
        "Auftrag %1 wurde auf dem Server geschlossen, bevor Ihre Änderung ihn erreichte. Die Änderung wurde verworfen.",
    "%n change(s) waiting: the server refused the access token.":
        ("%n Änderung wartet: Der Server hat das Zugriffstoken abgelehnt.", "%n Änderungen warten: Der Server hat das Zugriffstoken abgelehnt."),
    "Waiting changes are not being sent, because the outbox cannot be written: %1":
        "Wartende Änderungen werden nicht gesendet, weil der Postausgang nicht geschrieben werden kann: %1",
    "The offline outbox %1 is in use by another SupportDesk (process %2).":
        "Der Offline-Postausgang %1 wird von einem anderen SupportDesk verwendet (Prozess %2).",
    "The offline outbox %1 cannot be locked.": "Der Offline-Postausgang %1 kann nicht gesperrt werden.",
    "Profile in use": "Profil in Verwendung",
    "The server profile %1 is already open in another SupportDesk (process %2). Use that window, or close it first.":
        "Das Serverprofil %1 ist bereits in einem anderen SupportDesk geöffnet (Prozess %2). Verwenden Sie dieses Fenster, oder schließen Sie es zuerst.",
})


# Bulk skips, undo in the status bar, errors that say what to do, "pending change" (issue 11, i-bulk)
DE.update({
    "%1 — running": "%1 — läuft",
    "estimating the time left…": "verbleibende Zeit wird geschätzt…",
    "almost done": "fast fertig",
    "about %n second(s) left": ("noch etwa %n Sekunde", "noch etwa %n Sekunden"),
    "%n failure(s) cannot succeed if tried again (no open session on the server, or one already open), so \"Retry failed\" leaves them out.":
        ("%n Fehlschlag kann bei einem neuen Versuch nicht gelingen (keine offene Sitzung auf dem Server, oder schon eine offen), daher lässt „Fehlgeschlagene wiederholen“ ihn aus.",
         "%n Fehlschläge können bei einem neuen Versuch nicht gelingen (keine offene Sitzung auf dem Server, oder schon eine offen), daher lässt „Fehlgeschlagene wiederholen“ sie aus."),
    "Selected result": "Ausgewähltes Ergebnis",
    "Open server &profiles…": "Server&profile öffnen…",
    "in progress…": "läuft…",
    "pending change (in the outbox)": "ausstehende Änderung (im Postausgang)",
    "Undo the last change": "Die letzte Änderung rückgängig machen",
    "Agent removed from %1.": "Bearbeiter von %1 entfernt.",
    "Agent removed from %n session(s).": ("Bearbeiter von %n Sitzung entfernt.", "Bearbeiter von %n Sitzungen entfernt."),
    "%1: skipped, the session is already closed": "%1: übersprungen, die Sitzung ist bereits geschlossen",
    "%1: skipped, the server has no open session for it": "%1: übersprungen, der Server hat keine offene Sitzung dazu",
    "%n session(s) will be skipped: closed, or not on the server.":
        ("%n Sitzung wird übersprungen: geschlossen oder nicht auf dem Server.",
         "%n Sitzungen werden übersprungen: geschlossen oder nicht auf dem Server."),
    "Nothing to do: the %n session(s) chosen are closed, or not on the server.":
        ("Nichts zu tun: die gewählte Sitzung ist geschlossen oder nicht auf dem Server.",
         "Nichts zu tun: die %n gewählten Sitzungen sind geschlossen oder nicht auf dem Server."),
    "The server wants an access token, and no access token is set in the server profile \"%1\". Enter one there.":
        "Der Server verlangt ein Zugriffstoken, und im Serverprofil „%1“ ist keines eingetragen. Tragen Sie dort eines ein.",
    "The system keychain is not available, so the token can be kept only in memory until SupportDesk closes: it will not be written anywhere and must be entered again next time.\n\nUse the token for this run only?":
        "Der Schlüsselbund des Systems ist nicht verfügbar, daher kann das Token nur im Speicher gehalten werden, bis SupportDesk beendet wird: Es wird nirgends gespeichert und muss beim nächsten Mal erneut eingegeben werden.\n\nDas Token nur für diese Sitzung verwenden?",
    "The system keychain is not available, so the token is kept only until SupportDesk closes.":
        "Der Schlüsselbund des Systems ist nicht verfügbar, daher wird das Token nur bis zum Beenden von SupportDesk behalten.",
    "The access token could not be read from the system keychain, so requests are sent without one. (The keychain said: %1)":
        "Das Zugriffstoken konnte nicht aus dem Schlüsselbund des Systems gelesen werden, daher werden Anfragen ohne Token gesendet. (Der Schlüsselbund meldete: %1)",
    "Offline: %n pending change(s) in the outbox":
        ("Offline: %n ausstehende Änderung im Postausgang", "Offline: %n ausstehende Änderungen im Postausgang"),
    "The access token is removed.": "Das Zugriffstoken ist entfernt.",
    "The access token could not be removed from the system keychain. (The keychain said: %1)":
        "Das Zugriffstoken konnte nicht aus dem Schlüsselbund des Systems entfernt werden. (Der Schlüsselbund meldete: %1)",
    "The access token could not be stored in the system keychain. (The keychain said: %1)":
        "Das Zugriffstoken konnte nicht im Schlüsselbund des Systems gespeichert werden. (Der Schlüsselbund meldete: %1)",
})
DE.update({
    # Request log, profiles dialog, session list, context menu and links (issue 11, i-texts)
    "Server": "Server",
    "No token set": "Kein Token gesetzt",
    "Change noticed": "Änderung bemerkt",
    "When this app noticed that the session had changed on the server (not when it was changed there)":
        "Wann diese Anwendung bemerkt hat, dass sich die Sitzung auf dem Server geändert hat (nicht, wann sie dort geändert wurde)",
    "&Open": "Ö&ffnen",
    "Copy order &ID": "Auftragsnummer &kopieren",
    "Links": "Links",
    "Call %1": "%1 anrufen",
    "E-mail: %1": "E-Mail: %1",
    "Could not call %1: no application for phone calls is set up on this computer.":
        "%1 kann nicht angerufen werden: Auf diesem Computer ist keine Anwendung für Telefonanrufe eingerichtet.",
    "Could not write to %1: no e-mail program is set up on this computer.":
        "An %1 kann nicht geschrieben werden: Auf diesem Computer ist kein E-Mail-Programm eingerichtet.",
    "Could not open %1: no web browser is set up on this computer.":
        "%1 kann nicht geöffnet werden: Auf diesem Computer ist kein Webbrowser eingerichtet.",
    "Could not open %1: no application for this kind of link is set up on this computer.":
        "%1 kann nicht geöffnet werden: Auf diesem Computer ist keine Anwendung für diese Art von Link eingerichtet.",
})
DE.update({
    # Layout and keyboard flow (issue 11): toolbar buttons, next/previous session, F1 groups.
    "New": "Neu", "Open": "Öffnen", "Refresh": "Aktualisieren", "Refresh all": "Alle aktualisieren",
    "Unassign": "Freigeben", "Close": "Schließen", "Go to and server": "Gehe zu und Server",
    "&Next session": "&Nächste Sitzung", "P&revious session": "Vo&rherige Sitzung",
    "Session list and detail pane": "Sitzungsliste und Detailbereich",
    "From the filter into the list": "Vom Filter in die Liste",
    "Open the selected session in the detail pane": "Die ausgewählte Sitzung im Detailbereich öffnen",
    "From the list to the detail pane": "Von der Liste in den Detailbereich",
    "From the detail pane back to the list": "Vom Detailbereich zurück in die Liste",
    "Select several sessions": "Mehrere Sitzungen auswählen",
})


DE.update({
    # The agent's identity per profile and the agent directory (issue 11).
    "%1 (%2)": "%1 (%2)",
    "My agent identity": "Meine Bearbeiter-Identität",
    "My agent &identity…": "Meine Bearbeiter-&Identität…",
    "Which agent are you on %1? Your agent ID shows your own sessions under “Mine” and names you in the audit trail. You can change it later under Settings > My agent identity.":
        "Welcher Bearbeiter sind Sie auf %1? Ihre Bearbeiter-ID zeigt unter „Meine“ Ihre eigenen Sitzungen und nennt Sie im Prüfprotokoll. Sie können sie später unter Einstellungen > Meine Bearbeiter-Identität ändern.",
    "e.g. agent-1015, or type a name": "z. B. agent-1015, oder einen Namen eingeben",
    "My name": "Mein Name",
    "optional": "optional",
    "Use this identity": "Diese Identität verwenden",
    "Skip": "Überspringen",
    "“Mine” lists the sessions assigned to you, and no agent identity is set for this server profile.":
        "„Meine“ zeigt die Ihnen zugewiesenen Sitzungen, und für dieses Serverprofil ist keine Bearbeiter-Identität festgelegt.",
    "Set my agent ID…": "Meine Bearbeiter-ID festlegen…",
    "Who you are on this server: your sessions under “Mine”, your name in the audit trail.":
        "Wer Sie auf diesem Server sind: Ihre Sitzungen unter „Meine“, Ihr Name im Prüfprotokoll.",
    "No agent identity set — Set…": "Keine Bearbeiter-Identität festgelegt — Festlegen…",
    "Working as %1": "Sie arbeiten als %1",
    "Working as %1 (%2)": "Sie arbeiten als %1 (%2)",
    "The agent directory could not be read: %1": "Das Bearbeiterverzeichnis konnte nicht gelesen werden: %1",
})


DE.update({
    # Polish after the issue-11 click-through (helper "polish").
    "“%1” is not a known agent ID but part of an agent's name: choose the agent from the list.":
        "„%1“ ist keine bekannte Bearbeiter-ID, sondern Teil eines Bearbeiternamens: Wählen Sie den Bearbeiter aus der Liste.",
    "Order ID copied.": "Auftragsnummer kopiert.",
    "Could not %1 order %2: the server wants an access token, and none was given (use --token-file FILE, $SUPPORTDESK_TOKEN or --token TOKEN)":
        "Auftrag %2: %1 fehlgeschlagen: Der Server verlangt ein Zugriffstoken, und keines wurde angegeben (--token-file DATEI, $SUPPORTDESK_TOKEN oder --token TOKEN verwenden)",
    "%n order IDs copied.": ("%n Auftragsnummer kopiert.", "%n Auftragsnummern kopiert."),
    "Undone: %1.": "Rückgängig gemacht: %1.",
    "Redone: %1.": "Wiederhergestellt: %1.",
    "Undo of “%1”: %n session(s) could not be changed.":
        ("Rückgängig „%1“: %n Sitzung konnte nicht geändert werden.", "Rückgängig „%1“: %n Sitzungen konnten nicht geändert werden."),
    "Redo of “%1”: %n session(s) could not be changed.":
        ("Wiederholen „%1“: %n Sitzung konnte nicht geändert werden.", "Wiederholen „%1“: %n Sitzungen konnten nicht geändert werden."),
    "The run was cancelled: %n session(s) done.":
        ("Der Lauf wurde abgebrochen: %n Sitzung erledigt.", "Der Lauf wurde abgebrochen: %n Sitzungen erledigt."),
    "The run finished: %n session(s) done.":
        ("Der Lauf ist beendet: %n Sitzung erledigt.", "Der Lauf ist beendet: %n Sitzungen erledigt."),
})


DE.update({
    # Issue 13, core: the Balance plan's refusals (helper "team", branch i13-core).
    "Choose at least one agent to balance the sessions over.":
        "Wählen Sie mindestens einen Bearbeiter, auf den die Sitzungen verteilt werden.",
    "The cap per agent must be zero or more.": "Die Obergrenze pro Bearbeiter muss null oder mehr sein.",
    "An agent ID to balance over is empty.": "Eine Bearbeiter-ID für die Verteilung ist leer.",
    "Agent %1 is named twice.": "Bearbeiter %1 ist doppelt angegeben.",
    # Issue 12, requests as values (helper "requests"): a stored request read back.
    "The version tag (If-Match) is longer than %1 bytes.": "Die Versionskennung (If-Match) ist länger als %1 Bytes.",
    "The version tag (If-Match) contains control characters.": "Die Versionskennung (If-Match) enthält Steuerzeichen.",
    "The order ID is not a string.": "Die Auftragsnummer ist keine Zeichenkette.",
    "The version tag (If-Match) is not a string.": "Die Versionskennung (If-Match) ist keine Zeichenkette.",
    "The request has a member \"%1\" that does not belong to it.": "Die Anfrage hat ein Element „%1“, das nicht zu ihr gehört.",
    "The request names no order ID.": "Die Anfrage nennt keine Auftragsnummer.",
    "The request to replace a session holds no session.": "Die Anfrage zum Ersetzen einer Sitzung enthält keine Sitzung.",
    "The request to assign an agent holds no agent.": "Die Anfrage zum Zuweisen eines Bearbeiters enthält keinen Bearbeiter.",
    "\"%1\" is not a known request.": "„%1“ ist keine bekannte Anfrage.",
    "The stored request is not valid JSON: %1.": "Die gespeicherte Anfrage ist kein gültiges JSON: %1.",
    "The stored request is not a JSON object.": "Die gespeicherte Anfrage ist kein JSON-Objekt.",
    "The stored request does not say which request it is.": "Die gespeicherte Anfrage gibt nicht an, welche Anfrage sie ist.",
})


# i-polish2: the draft state in its own line beside Save (the header no longer jumps)
DE.update({
    "Unsaved edit, kept as a draft.": "Ungespeicherte Änderung, als Entwurf erhalten.",
})


# i11-finish: the phone's problem beside Save (no row under the field); a new request waiting in
# the outbox shows its values
DE.update({
    "The callback phone is not a phone number: use digits, spaces and an optional leading +.":
        "Das Rückruftelefon ist keine Telefonnummer: Ziffern, Leerzeichen und optional ein führendes +.",
    "This new support request waits in the outbox with the values shown below. It is sent when the server answers again; then the session can be changed here.":
        "Diese neue Supportanfrage wartet mit den unten gezeigten Werten im Postausgang. Sie wird gesendet, sobald der Server wieder antwortet; danach kann die Sitzung hier geändert werden.",
})


# i12-guard: undo/redo of an edit goes through the guarded write; a conflict the agent declines
DE.update({
    "Order %1 was changed by someone else meanwhile, so it was left as it is.":
        "Auftrag %1 wurde zwischenzeitlich von jemand anderem geändert und blieb daher unverändert.",
})


# The Team view (issue 13).
DE.update({
    "Team": "Team",
    "&Team": "&Team",
    "Filter agents": "Bearbeiter filtern",
    "Filter agents by name or ID": "Bearbeiter nach Name oder ID filtern",
    "Open sessions per agent": "Offene Sitzungen je Bearbeiter",
    "Open sessions": "Offene Sitzungen",
    "Unassigned: %n open session(s)": ("Nicht zugewiesen: %n offene Sitzung", "Nicht zugewiesen: %n offene Sitzungen"),
    "%1 (%2): %n open session(s)": ("%1 (%2): %n offene Sitzung", "%1 (%2): %n offene Sitzungen"),
    "&Balance…": "&Ausgleichen…",
    "Balance sessions": "Sitzungen ausgleichen",
    "Balance %n session(s)": ("%n Sitzung ausgleichen", "%n Sitzungen ausgleichen"),
    "The %n selected session(s)": ("Die %n ausgewählte Sitzung", "Die %n ausgewählten Sitzungen"),
    "All %n unassigned session(s)": ("Die %n nicht zugewiesene Sitzung", "Alle %n nicht zugewiesenen Sitzungen"),
    "All sessions of this agent:": "Alle Sitzungen dieses Bearbeiters:",
    "Agent whose sessions are balanced": "Bearbeiter, dessen Sitzungen ausgeglichen werden",
    "%1: %n open": ("%1: %n offen", "%1: %n offen"),
    "No agents chosen: select the agents to balance over in the Team view (Ctrl+click for several), then open Balance again.":
        "Keine Bearbeiter gewählt: Wählen Sie in der Team-Ansicht die Bearbeiter, auf die verteilt werden soll (Strg+Klick für mehrere), und öffnen Sie dann „Ausgleichen“ erneut.",
    "Strategy": "Strategie",
    "Least loaded first": "Am wenigsten Ausgelastete zuerst",
    "Round robin": "Reihum",
    "Most open sessions per agent": "Höchstens offene Sitzungen je Bearbeiter",
    "No cap": "Keine Obergrenze",
    "Open sessions per agent, before and after": "Offene Sitzungen je Bearbeiter, vorher und nachher",
    "Sessions that move": "Sitzungen, die wechseln",
    "&Run": "&Ausführen",
    "Sessions:": "Sitzungen:",
    "Over these agents:": "Auf diese Bearbeiter:",
    "&Strategy:": "&Strategie:",
    "&Cap per agent:": "&Obergrenze je Bearbeiter:",
    "Unassigned: %1 → %2": "Nicht zugewiesen: %1 → %2",
    "%1: stays, no agent has room under the cap": "%1: bleibt, kein Bearbeiter hat unter der Obergrenze Platz",
    "%n session(s) will move.": ("%n Sitzung wechselt.", "%n Sitzungen wechseln."),
    "%n closed session(s) left out.": ("%n geschlossene Sitzung ausgelassen.", "%n geschlossene Sitzungen ausgelassen."),
    "%n session(s) find no room under the cap and stay.":
        ("%n Sitzung findet unter der Obergrenze keinen Platz und bleibt.", "%n Sitzungen finden unter der Obergrenze keinen Platz und bleiben."),
    "Nothing is sent before Run; Edit > Undo puts every previous agent back.":
        "Vor „Ausführen“ wird nichts gesendet; Bearbeiten > Rückgängig stellt alle vorherigen Bearbeiter wieder her.",
})


# Issue 12: operations listed once, in the request types (helper i12-ops).
DE.update({
    "\"%1\" is not a kind of change this version can send":
        "„%1“ ist keine Art von Änderung, die diese Version senden kann",
})


DE.update({
    "%1 → %2": "%1 → %2",
})


# Issue 13: the undo file of supportctl balance is checked against what --undo reads (helper i13-undofix).
DE.update({
    "cannot keep the undo file %1: this run would move %2 sessions, more than the %3 an undo file may hold; balance fewer sessions at a time":
        "die Rückgängig-Datei %1 kann nicht angelegt werden: dieser Lauf würde %2 Sitzungen verschieben, mehr als die %3, die eine Rückgängig-Datei fassen kann; verteilen Sie weniger Sitzungen auf einmal",
    "cannot keep the undo file %1: an agent's details are nested deeper than an undo file may hold":
        "die Rückgängig-Datei %1 kann nicht angelegt werden: die Angaben eines Bearbeiters sind tiefer verschachtelt, als eine Rückgängig-Datei fassen kann",
    "cannot keep the undo file %1: the record of this run would be larger than the %2 MiB an undo file may hold; balance fewer sessions at a time":
        "die Rückgängig-Datei %1 kann nicht angelegt werden: die Aufzeichnung dieses Laufs wäre größer als die %2 MiB, die eine Rückgängig-Datei fassen kann; verteilen Sie weniger Sitzungen auf einmal",
})


def main(path):
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source not in DE:
            continue
        value = DE[source]
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            forms = value if isinstance(value, tuple) else (value, value)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{filled} messages translated")
    missing = sorted({m.findtext("source") for m in tree.getroot().iter("message")
                      if (m.findtext("source") or "") not in DE})
    for source in missing:
        print(f"not in the table: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/supportdesk_de.ts"))
