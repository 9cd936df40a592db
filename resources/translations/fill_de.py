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
    "&Unassign agent": "Bearbeiter &entfernen", "&View": "&Ansicht", "(none)": "(keine)",
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
    "The server said: %1": "Der Server meldet: %1", "Time": "Zeit", "Topic": "Thema", "U&nassign": "&Entfernen",
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


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/supportdesk_de.ts")
