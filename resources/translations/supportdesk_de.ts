<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Desktop console for support sessions on marketplace orders.</source>
        <translation>Desktop-Konsole für Supportsitzungen zu Marktplatz-Aufträgen.</translation>
    </message>
    <message>
        <source>Start a built-in sandbox server with sample sessions and use it.</source>
        <translation>Einen eingebauten Sandbox-Server mit Beispielsitzungen starten und verwenden.</translation>
    </message>
    <message>
        <source>Connect to this server directly.</source>
        <translation>Direkt mit diesem Server verbinden.</translation>
    </message>
    <message>
        <source>Number of sample sessions for --demo.</source>
        <translation>Anzahl der Beispielsitzungen für --demo.</translation>
    </message>
    <message>
        <source>Open the New support request dialog at start.</source>
        <translation>Beim Start den Dialog „Neue Supportanfrage“ öffnen.</translation>
    </message>
    <message>
        <source>Demo (built-in sandbox)</source>
        <translation>Demo (eingebaute Sandbox)</translation>
    </message>
    <message>
        <source>Command line (%1)</source>
        <translation>Kommandozeile (%1)</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <source>Profile in use</source>
        <translation>Profil in Verwendung</translation>
    </message>
    <message>
        <source>The server profile %1 is already open in another SupportDesk (process %2). Use that window, or close it first.</source>
        <translation>Das Serverprofil %1 ist bereits in einem anderen SupportDesk geöffnet (Prozess %2). Verwenden Sie dieses Fenster, oder schließen Sie es zuerst.</translation>
    </message>
</context>
<context>
    <name>sd</name>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private: %2</source>
        <translation>Der Ordner %1 kann nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation>%1 kann nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <source>it is longer than %1 bytes</source>
        <translation>sie ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>it is nested more than %1 levels deep</source>
        <translation>sie ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>sie ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>"seq" is not a positive whole number</source>
        <translation>„seq“ ist keine positive ganze Zahl</translation>
    </message>
    <message>
        <source>"hash" is not a SHA-256 in hex</source>
        <translation>„hash“ ist kein SHA-256-Wert in Hexadezimalschreibweise</translation>
    </message>
    <message>
        <source>"prev" is not a SHA-256 in hex</source>
        <translation>„prev“ ist kein SHA-256-Wert in Hexadezimalschreibweise</translation>
    </message>
    <message>
        <source>"%1" is not a string</source>
        <translation>„%1“ ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>"%1" is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>"damage" is not an object</source>
        <translation>„damage“ ist kein Objekt</translation>
    </message>
    <message>
        <source>it is not a head record</source>
        <translation>sie ist kein Kopfeintrag</translation>
    </message>
    <message>
        <source>Cannot write the head file %1: %2</source>
        <translation>Die Kopfdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Choose at least one agent to balance the sessions over.</source>
        <translation>Wählen Sie mindestens einen Bearbeiter, auf den die Sitzungen verteilt werden.</translation>
    </message>
    <message>
        <source>The cap per agent must be zero or more.</source>
        <translation>Die Obergrenze pro Bearbeiter muss null oder mehr sein.</translation>
    </message>
    <message>
        <source>An agent ID to balance over is empty.</source>
        <translation>Eine Bearbeiter-ID für die Verteilung ist leer.</translation>
    </message>
    <message>
        <source>Agent %1 is named twice.</source>
        <translation>Bearbeiter %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>The version tag (If-Match) is longer than %1 bytes.</source>
        <translation>Die Versionskennung (If-Match) ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>The version tag (If-Match) contains control characters.</source>
        <translation>Die Versionskennung (If-Match) enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>The order ID is not a string.</source>
        <translation>Die Auftragsnummer ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The version tag (If-Match) is not a string.</source>
        <translation>Die Versionskennung (If-Match) ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The session is not valid: %1 at "%2".</source>
        <translation>Die Sitzung ist ungültig: %1 bei „%2“.</translation>
    </message>
    <message>
        <source>The agent is not valid: %1 at "%2".</source>
        <translation>Der Bearbeiter ist ungültig: %1 bei „%2“.</translation>
    </message>
    <message>
        <source>The request has a member "%1" that does not belong to it.</source>
        <translation>Die Anfrage hat ein Element „%1“, das nicht zu ihr gehört.</translation>
    </message>
    <message>
        <source>The request names no order ID.</source>
        <translation>Die Anfrage nennt keine Auftragsnummer.</translation>
    </message>
    <message>
        <source>The request to replace a session holds no session.</source>
        <translation>Die Anfrage zum Ersetzen einer Sitzung enthält keine Sitzung.</translation>
    </message>
    <message>
        <source>The request to assign an agent holds no agent.</source>
        <translation>Die Anfrage zum Zuweisen eines Bearbeiters enthält keinen Bearbeiter.</translation>
    </message>
    <message>
        <source>The stored request is not valid JSON: %1.</source>
        <translation>Die gespeicherte Anfrage ist kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>The stored request is not a JSON object.</source>
        <translation>Die gespeicherte Anfrage ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The stored request does not say which request it is.</source>
        <translation>Die gespeicherte Anfrage gibt nicht an, welche Anfrage sie ist.</translation>
    </message>
</context>
<context>
    <name>sd::AgentReply</name>
    <message>
        <source>The server sent an empty body.</source>
        <translation>Der Server hat eine leere Antwort gesendet.</translation>
    </message>
    <message>
        <source>The server answered with content type "%1" instead of JSON.</source>
        <translation>Der Server hat mit dem Inhaltstyp „%1“ statt JSON geantwortet.</translation>
    </message>
    <message>
        <source>The agent is not valid: %1 at "%2".</source>
        <translation>Der Bearbeiter ist ungültig: %1 bei „%2“.</translation>
    </message>
</context>
<context>
    <name>sd::Api</name>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM or DER certificate.</source>
        <translation>Die Datei %1 enthält kein PEM- oder DER-Zertifikat.</translation>
    </message>
    <message>
        <source>create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>fetch</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <source>update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>fetch the agent of</source>
        <translation>Bearbeiter abrufen</translation>
    </message>
    <message>
        <source>assign an agent to</source>
        <translation>Bearbeiter zuweisen</translation>
    </message>
    <message>
        <source>remove the agent from</source>
        <translation>Bearbeiter entfernen</translation>
    </message>
    <message>
        <source>The order ID is empty.</source>
        <translation>Die Auftragsnummer ist leer.</translation>
    </message>
    <message>
        <source>The order ID contains only white space.</source>
        <translation>Die Auftragsnummer enthält nur Leerzeichen.</translation>
    </message>
    <message>
        <source>The order ID "%1" cannot be sent: servers read it as a step in the path, not as an ID.</source>
        <translation>Die Auftragsnummer „%1“ kann nicht gesendet werden: Server lesen sie als Schritt im Pfad, nicht als Nummer.</translation>
    </message>
    <message>
        <source>The order ID is %1 bytes long; at most %2 are allowed.</source>
        <translation>Die Auftragsnummer ist %1 Byte lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The server address "%1" is not an absolute URL.</source>
        <translation>Die Serveradresse „%1“ ist keine absolute URL.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password: they would be stored and shown with it. Give an access token instead.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten: sie würden mit ihr gespeichert und angezeigt. Geben Sie stattdessen ein Zugriffstoken an.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://.</source>
        <translation>Die Serveradresse muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>Order %1: support request created.</source>
        <translation>Auftrag %1: Supportanfrage angelegt.</translation>
    </message>
    <message>
        <source>Order %1: loaded.</source>
        <translation>Auftrag %1: geladen.</translation>
    </message>
    <message>
        <source>Order %1: changes saved.</source>
        <translation>Auftrag %1: Änderungen gespeichert.</translation>
    </message>
    <message>
        <source>Order %1: session closed.</source>
        <translation>Auftrag %1: Sitzung geschlossen.</translation>
    </message>
    <message>
        <source>Order %1: agent loaded.</source>
        <translation>Auftrag %1: Bearbeiter geladen.</translation>
    </message>
    <message>
        <source>Order %1: agent assigned.</source>
        <translation>Auftrag %1: Bearbeiter zugewiesen.</translation>
    </message>
    <message>
        <source>Order %1: agent removed.</source>
        <translation>Auftrag %1: Bearbeiter entfernt.</translation>
    </message>
</context>
<context>
    <name>sd::ApiClient</name>
    <message>
        <source>An agent needs an ID.</source>
        <translation>Ein Bearbeiter braucht eine ID.</translation>
    </message>
</context>
<context>
    <name>sd::ApiError</name>
    <message>
        <source>Could not %1 order %2</source>
        <translation>Auftrag %2: %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>the input is not valid</source>
        <translation>die Eingabe ist ungültig</translation>
    </message>
    <message>
        <source>the server refused the access token (HTTP 401)</source>
        <translation>der Server lehnt das Zugriffstoken ab (HTTP 401)</translation>
    </message>
    <message>
        <source>no agent is assigned (HTTP 404)</source>
        <translation>kein Bearbeiter zugewiesen (HTTP 404)</translation>
    </message>
    <message>
        <source>there is no open support session for it (HTTP 404)</source>
        <translation>dazu ist keine Supportsitzung offen (HTTP 404)</translation>
    </message>
    <message>
        <source>a support session for it is already open (HTTP 409)</source>
        <translation>eine Supportsitzung dazu ist bereits offen (HTTP 409)</translation>
    </message>
    <message>
        <source>the server refused the request (HTTP %1)</source>
        <translation>der Server lehnt die Anfrage ab (HTTP %1)</translation>
    </message>
    <message>
        <source>the server failed (HTTP %1)</source>
        <translation>Serverfehler (HTTP %1)</translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation>der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the server's certificate could not be verified</source>
        <translation>das Zertifikat des Servers konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>the server's answer was not a valid response</source>
        <translation>die Antwort des Servers ist ungültig</translation>
    </message>
    <message>
        <source>the session was changed by someone else since it was loaded</source>
        <translation>die Sitzung wurde seit dem Laden von jemand anderem geändert</translation>
    </message>
    <message>
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server meldet: %1</translation>
    </message>
</context>
<context>
    <name>sd::ApiReply</name>
    <message>
        <source>The response is larger than the limit of %1 bytes.</source>
        <translation>Die Antwort ist größer als die Grenze von %1 Byte.</translation>
    </message>
    <message>
        <source>The server redirected the request to %1, another server; requests are only sent to the configured server.</source>
        <translation>Der Server hat die Anfrage an %1 umgeleitet, einen anderen Server; Anfragen gehen nur an den eingestellten Server.</translation>
    </message>
    <message numerus="yes">
        <source>The server redirected the request more than %n time(s).</source>
        <translation><numerusform>Der Server hat die Anfrage mehr als %n Mal umgeleitet.</numerusform><numerusform>Der Server hat die Anfrage mehr als %n Mal umgeleitet.</numerusform></translation>
    </message>
    <message>
        <source>The connection was closed before the answer arrived.</source>
        <translation>Die Verbindung wurde geschlossen, bevor die Antwort ankam.</translation>
    </message>
    <message>
        <source>The response was cut off before its end (%1).</source>
        <translation>Die Antwort wurde vor ihrem Ende abgeschnitten (%1).</translation>
    </message>
    <message>
        <source>Unexpected HTTP status %1.</source>
        <translation>Unerwarteter HTTP-Status %1.</translation>
    </message>
    <message>
        <source>The server asked to wait %1 s before trying again.</source>
        <translation>Der Server bittet, vor einem neuen Versuch %1 s zu warten.</translation>
    </message>
</context>
<context>
    <name>sd::AuditLog</name>
    <message>
        <source>Cannot open the audit log %1: %2</source>
        <translation>Das Prüfprotokoll %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The audit log %1 is locked by another program.</source>
        <translation>Das Prüfprotokoll %1 ist von einem anderen Programm gesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) at its end were cut off by an interrupted write</source>
        <translation><numerusform>%n Byte an seinem Ende wurde durch einen abgebrochenen Schreibvorgang abgeschnitten</numerusform><numerusform>%n Bytes an seinem Ende wurden durch einen abgebrochenen Schreibvorgang abgeschnitten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) at its end are not audit entries</source>
        <translation><numerusform>%n Byte an seinem Ende ist kein Protokolleintrag</numerusform><numerusform>%n Bytes an seinem Ende sind keine Protokolleinträge</numerusform></translation>
    </message>
    <message>
        <source>its head file was not readable (%1)</source>
        <translation>seine Kopfdatei war nicht lesbar (%1)</translation>
    </message>
    <message>
        <source>it ends at entry %1, but entry %2 had been written: entries were removed from its end</source>
        <translation>es endet bei Eintrag %1, aber Eintrag %2 war geschrieben: an seinem Ende wurden Einträge entfernt</translation>
    </message>
    <message>
        <source>its head file was missing</source>
        <translation>seine Kopfdatei fehlte</translation>
    </message>
    <message>
        <source>The audit log %1 was damaged: %2. The damage is recorded in entry %3.</source>
        <translation>Das Prüfprotokoll %1 war beschädigt: %2. Der Schaden ist in Eintrag %3 festgehalten.</translation>
    </message>
    <message>
        <source>Cannot write the audit log %1: %2</source>
        <translation>Das Prüfprotokoll %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>it is longer than %1 bytes</source>
        <translation>sie ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>Line %1 is not an audit entry: %2.</source>
        <translation>Zeile %1 ist kein Eintrag des Prüfprotokolls: %2.</translation>
    </message>
    <message>
        <source>Line %1 records damage that is not there.</source>
        <translation>Zeile %1 hält einen Schaden fest, der nicht vorhanden ist.</translation>
    </message>
    <message>
        <source>Line %1 was changed after it was written.</source>
        <translation>Zeile %1 wurde nach dem Schreiben verändert.</translation>
    </message>
    <message>
        <source>Line %1 does not follow the entry before it (an entry was removed, inserted or moved).</source>
        <translation>Zeile %1 folgt nicht auf den Eintrag davor (ein Eintrag wurde entfernt, eingefügt oder verschoben).</translation>
    </message>
    <message>
        <source>Line %1 carries sequence number %2 instead of %3.</source>
        <translation>Zeile %1 trägt die laufende Nummer %2 statt %3.</translation>
    </message>
    <message>
        <source>Entry %1 (line %2) seals a write cut off by an interruption: %3. The entries after it are intact.</source>
        <translation>Eintrag %1 (Zeile %2) versiegelt einen durch eine Unterbrechung abgeschnittenen Schreibvorgang: %3. Die Einträge danach sind intakt.</translation>
    </message>
    <message>
        <source>Entry %1 (line %2) records damage found before it was written: %3.</source>
        <translation>Eintrag %1 (Zeile %2) hält einen Schaden fest, der vor ihm gefunden wurde: %3.</translation>
    </message>
    <message>
        <source>Line %1 was cut off by an interrupted write; the next change recorded seals it.</source>
        <translation>Zeile %1 wurde durch einen abgebrochenen Schreibvorgang abgeschnitten; die nächste festgehaltene Änderung versiegelt sie.</translation>
    </message>
    <message>
        <source>The head file %1 cannot be read: %2.</source>
        <translation>Die Kopfdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The log ends at entry %1, but entry %2 was written (%3): entries were removed from its end.</source>
        <translation>Das Protokoll endet bei Eintrag %1, aber Eintrag %2 wurde geschrieben (%3): an seinem Ende wurden Einträge entfernt.</translation>
    </message>
    <message>
        <source>Entry %1 (line %2) is not the one recorded in %3.</source>
        <translation>Eintrag %1 (Zeile %2) ist nicht der in %3 festgehaltene.</translation>
    </message>
    <message>
        <source>The head file %1 is missing, so entries removed from the end of the log would not show.</source>
        <translation>Die Kopfdatei %1 fehlt, daher würden am Ende des Protokolls entfernte Einträge nicht auffallen.</translation>
    </message>
    <message>
        <source>entry %1 (order %2)</source>
        <translation>Eintrag %1 (Auftrag %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) with outcome unknown (sent, but no outcome was recorded): %1.</source>
        <translation><numerusform>%n Änderung mit unbekanntem Ergebnis (gesendet, aber kein Ergebnis festgehalten): %1.</numerusform><numerusform>%n Änderungen mit unbekanntem Ergebnis (gesendet, aber kein Ergebnis festgehalten): %1.</numerusform></translation>
    </message>
    <message>
        <source>%1 line %2 is not an audit entry: %3.</source>
        <translation>%1, Zeile %2 ist kein Eintrag des Prüfprotokolls: %3.</translation>
    </message>
    <message>
        <source>intent (outcome in entry %1)</source>
        <translation>Absicht (Ergebnis in Eintrag %1)</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>The audit log %1 is missing, but its head file %2 records that entry %3 had been written: the log was removed.</source>
        <translation>Das Prüfprotokoll %1 fehlt, aber seine Kopfdatei %2 hält fest, dass Eintrag %3 geschrieben worden war: das Protokoll wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>sd::AuditLog::Sync</name>
    <message>
        <source>Cannot write the audit log: %1</source>
        <translation>Das Prüfprotokoll kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>sd::AuditOrderIndex</name>
    <message>
        <source>it is longer than %1 bytes</source>
        <translation>sie ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>%1: the line at byte %2 is not an audit entry: %3.</source>
        <translation>%1: die Zeile bei Byte %2 ist kein Eintrag des Prüfprotokolls: %3.</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
</context>
<context>
    <name>sd::AuditRecorder</name>
    <message>
        <source>The disk did not confirm the audit log %1 within a minute.</source>
        <translation>Der Datenträger hat das Prüfprotokoll %1 nicht innerhalb einer Minute bestätigt.</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>The audit trail could not be written, so nothing was sent. %1</source>
        <translation>Das Prüfprotokoll konnte nicht geschrieben werden, daher wurde nichts gesendet. %1</translation>
    </message>
</context>
<context>
    <name>sd::Json</name>
    <message>
        <source>The JSON text is larger than %L1 bytes.</source>
        <translation>Der JSON-Text ist größer als %L1 Byte.</translation>
    </message>
    <message numerus="yes">
        <source>Line %1, column %2: values are nested deeper than %n levels.</source>
        <translation><numerusform>Zeile %1, Spalte %2: Werte sind tiefer als %n Ebene verschachtelt.</numerusform><numerusform>Zeile %1, Spalte %2: Werte sind tiefer als %n Ebenen verschachtelt.</numerusform></translation>
    </message>
    <message>
        <source>Line %1, column %2: this is not valid JSON.</source>
        <translation>Zeile %1, Spalte %2: das ist kein gültiges JSON.</translation>
    </message>
</context>
<context>
    <name>sd::Outbox</name>
    <message>
        <source>The offline outbox %1 is in use by another SupportDesk (process %2).</source>
        <translation>Der Offline-Postausgang %1 wird von einem anderen SupportDesk verwendet (Prozess %2).</translation>
    </message>
    <message>
        <source>The offline outbox %1 cannot be locked.</source>
        <translation>Der Offline-Postausgang %1 kann nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>the offline outbox</source>
        <translation>des Offline-Postausgangs</translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The offline outbox %1 cannot be written: %2</source>
        <translation>Der Offline-Postausgang %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>"%1" is not a kind of change this version can send</source>
        <translation>„%1“ ist keine Art von Änderung, die diese Version senden kann</translation>
    </message>
</context>
<context>
    <name>sd::OutboxSender</name>
    <message>
        <source>The session changed on the server.</source>
        <translation>Die Sitzung wurde auf dem Server geändert.</translation>
    </message>
    <message>
        <source>The stored change cannot be read (%1); it was not sent.</source>
        <translation>Die gespeicherte Änderung kann nicht gelesen werden (%1); sie wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The new support request was sent once but its answer never arrived, and the server has no session for the order. It is not sent again automatically: create it again if it is still needed.</source>
        <translation>Die neue Supportanfrage wurde einmal gesendet, aber ihre Antwort kam nie an, und der Server hat keine Sitzung zu diesem Auftrag. Sie wird nicht automatisch erneut gesendet: Legen Sie sie noch einmal an, wenn sie noch gebraucht wird.</translation>
    </message>
    <message>
        <source>The session was closed on the server.</source>
        <translation>Die Sitzung wurde auf dem Server geschlossen.</translation>
    </message>
</context>
<context>
    <name>sd::SqliteDb</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>It was written by a newer SupportDesk (format %1).</source>
        <translation>Sie wurde von einem neueren SupportDesk geschrieben (Format %1).</translation>
    </message>
    <message>
        <source>The file cannot be written.</source>
        <translation>Die Datei kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2) and could not be moved aside.</source>
        <translation>%1 ist beschädigt (%2) und konnte nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>The file of %1 was damaged and could not be read. It was kept as %2, and a new one was started.</source>
        <translation>Die Datei %1 war beschädigt und konnte nicht gelesen werden. Sie wurde als %2 aufbewahrt, und eine neue wurde angelegt.</translation>
    </message>
</context>
<context>
    <name>sd::SqliteTransaction</name>
    <message>
        <source>No transaction is open.</source>
        <translation>Keine Transaktion ist offen.</translation>
    </message>
</context>
<context>
    <name>sd::SupportReply</name>
    <message>
        <source>The server sent an empty body.</source>
        <translation>Der Server hat eine leere Antwort gesendet.</translation>
    </message>
    <message>
        <source>The server answered with content type "%1" instead of JSON.</source>
        <translation>Der Server hat mit dem Inhaltstyp „%1“ statt JSON geantwortet.</translation>
    </message>
    <message>
        <source>The session is not valid: %1 at "%2".</source>
        <translation>Die Sitzung ist ungültig: %1 bei „%2“.</translation>
    </message>
    <message>
        <source>The server answered with order "%1" instead of "%2".</source>
        <translation>Der Server hat mit Auftrag „%1“ statt „%2“ geantwortet.</translation>
    </message>
    <message>
        <source>The server did not send the current session to update.</source>
        <translation>Der Server hat die zu aktualisierende Sitzung nicht gesendet.</translation>
    </message>
    <message>
        <source>The current session is not valid: %1 at "%2".</source>
        <translation>Die aktuelle Sitzung ist ungültig: %1 bei „%2“.</translation>
    </message>
</context>
<context>
    <name>sd::Workspace</name>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>erwartet %1, erhalten %2</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>er fehlt</translation>
    </message>
    <message>
        <source>%1: the entry is not an object (%2); it is left out.</source>
        <translation>%1: der Eintrag ist kein Objekt (%2); er wird ausgelassen.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>er ist leer</translation>
    </message>
    <message>
        <source>%1: the entry has no usable order ID at /order_id (%2); it is left out.</source>
        <translation>%1: der Eintrag hat unter /order_id keine brauchbare Auftragsnummer (%2); er wird ausgelassen.</translation>
    </message>
    <message>
        <source>%1: the value at %2 is not usable (%3); the entry is kept without it.</source>
        <translation>%1: der Wert unter %2 ist nicht brauchbar (%3); der Eintrag wird ohne ihn behalten.</translation>
    </message>
    <message>
        <source>not a date and time</source>
        <translation>kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>%1: the line is longer than %L2 bytes; it is left out.</source>
        <translation>%1: die Zeile ist länger als %L2 Byte; sie wird ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: values are nested deeper than %n levels; the entry is left out.</source>
        <translation><numerusform>%1: Werte sind tiefer als %n Ebene verschachtelt; der Eintrag wird ausgelassen.</numerusform><numerusform>%1: Werte sind tiefer als %n Ebenen verschachtelt; der Eintrag wird ausgelassen.</numerusform></translation>
    </message>
    <message>
        <source>%1: this is not valid JSON (column %2); the entry is left out.</source>
        <translation>%1: das ist kein gültiges JSON (Spalte %2); der Eintrag wird ausgelassen.</translation>
    </message>
    <message>
        <source>%1 is larger than %L2 bytes.</source>
        <translation>%1 ist größer als %L2 Byte.</translation>
    </message>
    <message>
        <source>%1 is not a SupportDesk workspace file. %2</source>
        <translation>%1 ist keine SupportDesk-Arbeitsbereichsdatei. %2</translation>
    </message>
    <message>
        <source>%1 is not a SupportDesk workspace file.</source>
        <translation>%1 ist keine SupportDesk-Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>%1, entry %2</source>
        <translation>%1, Eintrag %2</translation>
    </message>
</context>
<context>
    <name>sd::WorkspaceStore</name>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The session list is not open.</source>
        <translation>Die Sitzungsliste ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>the session list</source>
        <translation>der Sitzungsliste</translation>
    </message>
</context>
<context>
    <name>sd::ui::AgentCompleter</name>
    <message>
        <source>%1 (%2)</source>
        <comment>an agent: name (agent ID)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sd::ui::AgentDialog</name>
    <message>
        <source>Agent ID</source>
        <translation>Bearbeiter-ID</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Name des Bearbeiters</translation>
    </message>
    <message>
        <source>Agent phone</source>
        <translation>Telefon des Bearbeiters</translation>
    </message>
    <message>
        <source>Agent e-mail</source>
        <translation>E-Mail des Bearbeiters</translation>
    </message>
    <message>
        <source>Agent &amp;ID:</source>
        <translation>Bearbeiter-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>An agent needs an ID.</source>
        <translation>Ein Bearbeiter braucht eine ID.</translation>
    </message>
    <message>
        <source>The phone is not a phone number.</source>
        <translation>Das Telefon ist keine Telefonnummer.</translation>
    </message>
    <message>
        <source>The e-mail address needs an @.</source>
        <translation>Die E-Mail-Adresse braucht ein @.</translation>
    </message>
    <message>
        <source>“%1” is not a known agent ID but part of an agent's name: choose the agent from the list.</source>
        <translation>„%1“ ist keine bekannte Bearbeiter-ID, sondern Teil eines Bearbeiternamens: Wählen Sie den Bearbeiter aus der Liste.</translation>
    </message>
</context>
<context>
    <name>sd::ui::AuditModel</name>
    <message>
        <source>Before: %1
After: %2</source>
        <translation>Vorher: %1
Nachher: %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>sd::ui::AuditViewer</name>
    <message>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Filter by order or agent</source>
        <translation>Nach Auftrag oder Bearbeiter filtern</translation>
    </message>
    <message>
        <source>Order or agent</source>
        <translation>Auftrag oder Bearbeiter</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Ab Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>TAMPERED: %1</source>
        <translation>MANIPULIERT: %1</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact (%n record(s)): none changed, removed or reordered.</source>
        <translation><numerusform>Kette intakt (%n Eintrag): keiner geändert, entfernt oder umgestellt.</numerusform><numerusform>Kette intakt (%n Einträge): keiner geändert, entfernt oder umgestellt.</numerusform></translation>
    </message>
</context>
<context>
    <name>sd::ui::BalanceDialog</name>
    <message>
        <source>Balance sessions</source>
        <translation>Sitzungen ausgleichen</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected session(s)</source>
        <translation><numerusform>Die %n ausgewählte Sitzung</numerusform><numerusform>Die %n ausgewählten Sitzungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %n unassigned session(s)</source>
        <translation><numerusform>Die %n nicht zugewiesene Sitzung</numerusform><numerusform>Alle %n nicht zugewiesenen Sitzungen</numerusform></translation>
    </message>
    <message>
        <source>All sessions of this agent:</source>
        <translation>Alle Sitzungen dieses Bearbeiters:</translation>
    </message>
    <message>
        <source>Agent whose sessions are balanced</source>
        <translation>Bearbeiter, dessen Sitzungen ausgeglichen werden</translation>
    </message>
    <message>
        <source>No agents chosen: select the agents to balance over in the Team view (Ctrl+click for several), then open Balance again.</source>
        <translation>Keine Bearbeiter gewählt: Wählen Sie in der Team-Ansicht die Bearbeiter, auf die verteilt werden soll (Strg+Klick für mehrere), und öffnen Sie dann „Ausgleichen“ erneut.</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Least loaded first</source>
        <translation>Am wenigsten Ausgelastete zuerst</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Reihum</translation>
    </message>
    <message>
        <source>Most open sessions per agent</source>
        <translation>Höchstens offene Sitzungen je Bearbeiter</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Obergrenze</translation>
    </message>
    <message>
        <source>Open sessions per agent, before and after</source>
        <translation>Offene Sitzungen je Bearbeiter, vorher und nachher</translation>
    </message>
    <message>
        <source>Sessions that move</source>
        <translation>Sitzungen, die wechseln</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Sitzungen:</translation>
    </message>
    <message>
        <source>Over these agents:</source>
        <translation>Auf diese Bearbeiter:</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <source>&amp;Cap per agent:</source>
        <translation>&amp;Obergrenze je Bearbeiter:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Unassigned: %1 → %2</source>
        <translation>Nicht zugewiesen: %1 → %2</translation>
    </message>
    <message>
        <source>%1: stays, no agent has room under the cap</source>
        <translation>%1: bleibt, kein Bearbeiter hat unter der Obergrenze Platz</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) will move.</source>
        <translation><numerusform>%n Sitzung wechselt.</numerusform><numerusform>%n Sitzungen wechseln.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n closed session(s) left out.</source>
        <translation><numerusform>%n geschlossene Sitzung ausgelassen.</numerusform><numerusform>%n geschlossene Sitzungen ausgelassen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) find no room under the cap and stay.</source>
        <translation><numerusform>%n Sitzung findet unter der Obergrenze keinen Platz und bleibt.</numerusform><numerusform>%n Sitzungen finden unter der Obergrenze keinen Platz und bleiben.</numerusform></translation>
    </message>
    <message>
        <source>Nothing is sent before Run; Edit &gt; Undo puts every previous agent back.</source>
        <translation>Vor „Ausführen“ wird nichts gesendet; Bearbeiten &gt; Rückgängig stellt alle vorherigen Bearbeiter wieder her.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n open</source>
        <translation><numerusform>%1: %n offen</numerusform><numerusform>%1: %n offen</numerusform></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
</context>
<context>
    <name>sd::ui::BulkPreviewDialog</name>
    <message numerus="yes">
        <source>Run on %n session(s)</source>
        <translation><numerusform>Für %n Sitzung ausführen</numerusform><numerusform>Für %n Sitzungen ausführen</numerusform></translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>Was sich ändert</translation>
    </message>
</context>
<context>
    <name>sd::ui::BulkProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>%1 — waiting</source>
        <translation>%1 — wartet</translation>
    </message>
    <message>
        <source>%1 — done</source>
        <translation>%1 — erledigt</translation>
    </message>
    <message>
        <source>%1 — FAILED: %2</source>
        <translation>%1 — FEHLGESCHLAGEN: %2</translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 remaining</source>
        <translation>%1 erledigt, %2 fehlgeschlagen, %3 übrig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Selected result</source>
        <translation>Ausgewähltes Ergebnis</translation>
    </message>
    <message>
        <source>%1 — running</source>
        <translation>%1 — läuft</translation>
    </message>
    <message>
        <source>estimating the time left…</source>
        <translation>verbleibende Zeit wird geschätzt…</translation>
    </message>
    <message>
        <source>almost done</source>
        <translation>fast fertig</translation>
    </message>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation><numerusform>noch etwa %n Sekunde</numerusform><numerusform>noch etwa %n Sekunden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) cannot succeed if tried again (no open session on the server, or one already open), so "Retry failed" leaves them out.</source>
        <translation><numerusform>%n Fehlschlag kann bei einem neuen Versuch nicht gelingen (keine offene Sitzung auf dem Server, oder schon eine offen), daher lässt „Fehlgeschlagene wiederholen“ ihn aus.</numerusform><numerusform>%n Fehlschläge können bei einem neuen Versuch nicht gelingen (keine offene Sitzung auf dem Server, oder schon eine offen), daher lässt „Fehlgeschlagene wiederholen“ sie aus.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The run was cancelled: %n session(s) done.</source>
        <translation><numerusform>Der Lauf wurde abgebrochen: %n Sitzung erledigt.</numerusform><numerusform>Der Lauf wurde abgebrochen: %n Sitzungen erledigt.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The run finished: %n session(s) done.</source>
        <translation><numerusform>Der Lauf ist beendet: %n Sitzung erledigt.</numerusform><numerusform>Der Lauf ist beendet: %n Sitzungen erledigt.</numerusform></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>A line of a bulk run's results: the order ID and the agent it goes to.</extracomment>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>sd::ui::ConflictDialog</name>
    <message>
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <source>Chat URL</source>
        <translation>Chat-URL</translation>
    </message>
    <message>
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <source>FAQ link</source>
        <translation>FAQ-Link</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Order %1 changed meanwhile</source>
        <translation>Auftrag %1 wurde inzwischen geändert</translation>
    </message>
    <message>
        <source>Someone else changed this session since you loaded it. Choose, per field, which value to keep. Nothing is sent until you confirm.</source>
        <translation>Jemand anderes hat diese Sitzung geändert, seit Sie sie geladen haben. Wählen Sie für jedes Feld, welcher Wert bleiben soll. Gesendet wird erst, wenn Sie bestätigen.</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Abweichende Felder</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>Deren Wert (auf dem Server)</translation>
    </message>
    <message>
        <source>Mine (keep)</source>
        <translation>Meiner (behalten)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Save the chosen values</source>
        <translation>Gewählte Werte speichern</translation>
    </message>
    <message>
        <source>Keep mine as a draft</source>
        <translation>Meine als Entwurf behalten</translation>
    </message>
    <message>
        <source>FAQ type</source>
        <translation>FAQ-Typ</translation>
    </message>
</context>
<context>
    <name>sd::ui::DetailPane</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Open a &amp;new support request for this order…</source>
        <translation>Eine &amp;neue Supportanfrage für diesen Auftrag öffnen…</translation>
    </message>
    <message>
        <source>Select a session in the list, or open one by order ID (%1).</source>
        <translation>Wählen Sie eine Sitzung in der Liste oder öffnen Sie eine per Auftragsnummer (%1).</translation>
    </message>
    <message>
        <source>Callback &amp;phone:</source>
        <translation>&amp;Rückruftelefon:</translation>
    </message>
    <message>
        <source>Chat &amp;URL:</source>
        <translation>Chat-&amp;URL:</translation>
    </message>
    <message>
        <source>Chat &amp;session:</source>
        <translation>Chat-&amp;Sitzung:</translation>
    </message>
    <message>
        <source>&amp;FAQ link:</source>
        <translation>&amp;FAQ-Link:</translation>
    </message>
    <message>
        <source>FAQ t&amp;ype:</source>
        <translation>FAQ-T&amp;yp:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Links:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <source>Other fields (read-only)</source>
        <translation>Weitere Felder (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Other fields:</source>
        <translation>Weitere Felder:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <source>U&amp;nassign</source>
        <translation>&amp;Zuweisung aufheben</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <source>This session is closed and can no longer be changed. A new support request for this order starts a new session.</source>
        <translation>Diese Sitzung ist geschlossen und kann nicht mehr geändert werden. Eine neue Supportanfrage für diesen Auftrag beginnt eine neue Sitzung.</translation>
    </message>
    <message>
        <source>The server has no open session for this order, so there is nothing to change. A new support request for this order starts one.</source>
        <translation>Der Server hat keine offene Sitzung für diesen Auftrag, es gibt also nichts zu ändern. Eine neue Supportanfrage für diesen Auftrag beginnt eine.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>last loaded %1</source>
        <translation>zuletzt geladen %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation>Chat öffnen</translation>
    </message>
    <message>
        <source>Open FAQ</source>
        <translation>FAQ öffnen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>Rating: %1</source>
        <translation>Bewertung: %1</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>&amp;Neu zuweisen…</translation>
    </message>
    <message>
        <source>No agent assigned.</source>
        <translation>Kein Bearbeiter zugewiesen.</translation>
    </message>
    <message>
        <source>Open server &amp;profiles…</source>
        <translation>Server&amp;profile öffnen…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Changed elsewhere since you last looked: %1.</source>
        <translation>Anderswo geändert, seit Sie zuletzt hingesehen haben: %1.</translation>
    </message>
    <message>
        <source>The audit trail cannot be read: %1</source>
        <translation>Das Prüfprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No change of this session is recorded in the audit trail on this computer.</source>
        <translation>Im Prüfprotokoll dieses Computers ist keine Änderung dieser Sitzung festgehalten.</translation>
    </message>
    <message>
        <source>Older changes are in the audit trail.</source>
        <translation>Ältere Änderungen stehen im Prüfprotokoll.</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) of the audit trail were left out.</source>
        <translation><numerusform>%n beschädigte Zeile des Prüfprotokolls wurde ausgelassen.</numerusform><numerusform>%n beschädigte Zeilen des Prüfprotokolls wurden ausgelassen.</numerusform></translation>
    </message>
    <message>
        <source>pending change (in the outbox)</source>
        <translation>ausstehende Änderung (im Postausgang)</translation>
    </message>
    <message>
        <source>in progress…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>%1 anrufen</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message>
        <source>Could not call %1: no application for phone calls is set up on this computer.</source>
        <translation>%1 kann nicht angerufen werden: Auf diesem Computer ist keine Anwendung für Telefonanrufe eingerichtet.</translation>
    </message>
    <message>
        <source>Could not write to %1: no e-mail program is set up on this computer.</source>
        <translation>An %1 kann nicht geschrieben werden: Auf diesem Computer ist kein E-Mail-Programm eingerichtet.</translation>
    </message>
    <message>
        <source>Could not open %1: no web browser is set up on this computer.</source>
        <translation>%1 kann nicht geöffnet werden: Auf diesem Computer ist kein Webbrowser eingerichtet.</translation>
    </message>
    <message>
        <source>Could not open %1: no application for this kind of link is set up on this computer.</source>
        <translation>%1 kann nicht geöffnet werden: Auf diesem Computer ist keine Anwendung für diese Art von Link eingerichtet.</translation>
    </message>
    <message>
        <source>Unsaved edit, kept as a draft.</source>
        <translation>Ungespeicherte Änderung, als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>This new support request waits in the outbox with the values shown below. It is sent when the server answers again; then the session can be changed here.</source>
        <translation>Diese neue Supportanfrage wartet mit den unten gezeigten Werten im Postausgang. Sie wird gesendet, sobald der Server wieder antwortet; danach kann die Sitzung hier geändert werden.</translation>
    </message>
    <message>
        <source>The callback phone is not a phone number: use digits, spaces and an optional leading +.</source>
        <translation>Das Rückruftelefon ist keine Telefonnummer: Ziffern, Leerzeichen und optional ein führendes +.</translation>
    </message>
</context>
<context>
    <name>sd::ui::IdentityDialog</name>
    <message>
        <source>My agent identity</source>
        <translation>Meine Bearbeiter-Identität</translation>
    </message>
    <message>
        <source>Which agent are you on %1? Your agent ID shows your own sessions under “Mine” and names you in the audit trail. You can change it later under Settings &gt; My agent identity.</source>
        <translation>Welcher Bearbeiter sind Sie auf %1? Ihre Bearbeiter-ID zeigt unter „Meine“ Ihre eigenen Sitzungen und nennt Sie im Prüfprotokoll. Sie können sie später unter Einstellungen &gt; Meine Bearbeiter-Identität ändern.</translation>
    </message>
    <message>
        <source>My agent ID</source>
        <translation>Meine Bearbeiter-ID</translation>
    </message>
    <message>
        <source>e.g. agent-1015, or type a name</source>
        <translation>z. B. agent-1015, oder einen Namen eingeben</translation>
    </message>
    <message>
        <source>My name</source>
        <translation>Mein Name</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Agent &amp;ID:</source>
        <translation>Bearbeiter-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Use this identity</source>
        <translation>Diese Identität verwenden</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
</context>
<context>
    <name>sd::ui::MainWindow</name>
    <message>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <source>Filter sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Whose sessions</source>
        <translation>Wessen Sitzungen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Support sessions</source>
        <translation>Supportsitzungen</translation>
    </message>
    <message>
        <source>Order %1: trying again in %2 s (retry %3)…</source>
        <translation>Auftrag %1: neuer Versuch in %2 s (Wiederholung %3)…</translation>
    </message>
    <message>
        <source>&amp;New support request…</source>
        <translation>&amp;Neue Supportanfrage…</translation>
    </message>
    <message>
        <source>&amp;Open order…</source>
        <translation>Auftrag ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Go to order</source>
        <translation>&amp;Gehe zu Auftrag</translation>
    </message>
    <message>
        <source>&amp;Filter sessions</source>
        <translation>Sitzungen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh &amp;all</source>
        <translation>&amp;Alle aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Re&amp;move from list</source>
        <translation>Aus der Liste ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Assign or reassign agent…</source>
        <translation>Bearbeiter &amp;zuweisen oder ändern…</translation>
    </message>
    <message>
        <source>&amp;Unassign agent</source>
        <translation>&amp;Zuweisung aufheben</translation>
    </message>
    <message>
        <source>&amp;Close session…</source>
        <translation>Sitzung &amp;schließen…</translation>
    </message>
    <message>
        <source>Select all &amp;shown</source>
        <translation>Alle &amp;angezeigten auswählen</translation>
    </message>
    <message>
        <source>&amp;Reassign selected…</source>
        <translation>Ausgewählte &amp;neu zuweisen…</translation>
    </message>
    <message>
        <source>U&amp;nassign selected…</source>
        <translation>Bearbeiter von Ausgewählten &amp;entfernen…</translation>
    </message>
    <message>
        <source>C&amp;lose selected…</source>
        <translation>Ausgewählte sch&amp;ließen…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>Prüfproto&amp;koll…</translation>
    </message>
    <message>
        <source>&amp;Notify me when my sessions change</source>
        <translation>&amp;Benachrichtigen, wenn sich meine Sitzungen ändern</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <comment>undo action; %1 is what it undoes</comment>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <comment>redo action; %1 is what it redoes</comment>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>&amp;Import order IDs…</source>
        <translation>Auftragsnummern &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Paste order IDs</source>
        <translation>Auftragsnummern ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;Export list as CSV…</source>
        <translation>Liste als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Server &amp;profiles…</source>
        <translation>Server&amp;profile…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About SupportDesk</source>
        <translation>&amp;Über SupportDesk</translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation>Anfrage&amp;protokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Bulk</source>
        <translation>Sa&amp;mmelaktionen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Go to order</source>
        <translation>Gehe zu Auftrag</translation>
    </message>
    <message>
        <source>(%1) %2 — SupportDesk</source>
        <translation>(%1) %2 — SupportDesk</translation>
    </message>
    <message numerus="yes">
        <source>Reassign %n session(s)</source>
        <translation><numerusform>%n Sitzung neu zuweisen</numerusform><numerusform>%n Sitzungen neu zuweisen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Unassign %n session(s)</source>
        <translation><numerusform>Bearbeiter von %n Sitzung entfernen</numerusform><numerusform>Bearbeiter von %n Sitzungen entfernen</numerusform></translation>
    </message>
    <message>
        <source>Select sessions first (%1 selects every session the filter shows).</source>
        <translation>Wählen Sie zuerst Sitzungen aus (%1 wählt alle Sitzungen, die der Filter zeigt).</translation>
    </message>
    <message>
        <source>Order %1: support request created.</source>
        <translation>Auftrag %1: Supportanfrage angelegt.</translation>
    </message>
    <message>
        <source>Order %1: changes saved.</source>
        <translation>Auftrag %1: Änderungen gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n session(s): %1 done…</source>
        <translation><numerusform>Aktualisiere %n Sitzung: %1 erledigt…</numerusform><numerusform>Aktualisiere %n Sitzungen: %1 erledigt…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %n session(s).</source>
        <translation><numerusform>%n Sitzung aktualisiert.</numerusform><numerusform>%n Sitzungen aktualisiert.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>No open session on the server for %n of them.</source>
        <translation><numerusform>Für %n davon ist auf dem Server keine Sitzung offen.</numerusform><numerusform>Für %n davon ist auf dem Server keine Sitzung offen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) could not be refreshed.</source>
        <translation><numerusform>%n Sitzung konnte nicht aktualisiert werden.</numerusform><numerusform>%n Sitzungen konnten nicht aktualisiert werden.</numerusform></translation>
    </message>
    <message>
        <source>Order IDs (separated by spaces or commas):</source>
        <translation>Auftragsnummern (durch Leerzeichen oder Kommas getrennt):</translation>
    </message>
    <message>
        <source>Reassign order %1</source>
        <translation>Auftrag %1 neu zuweisen</translation>
    </message>
    <message>
        <source>Assign order %1</source>
        <translation>Auftrag %1 zuweisen</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) with a change on its way stay in the list.</source>
        <translation><numerusform>%n Sitzung mit einer laufenden Änderung bleibt in der Liste.</numerusform><numerusform>%n Sitzungen mit einer laufenden Änderung bleiben in der Liste.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n session(s) from the list</source>
        <translation><numerusform>%n Sitzung aus der Liste entfernen</numerusform><numerusform>%n Sitzungen aus der Liste entfernen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) removed from the list (not from the server).</source>
        <translation><numerusform>%n Sitzung aus der Liste entfernt (nicht vom Server).</numerusform><numerusform>%n Sitzungen aus der Liste entfernt (nicht vom Server).</numerusform></translation>
    </message>
    <message>
        <source> Server: </source>
        <translation> Server: </translation>
    </message>
    <message>
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <source>Could not save the session list: %1</source>
        <translation>Die Sitzungsliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in flight</source>
        <translation><numerusform>%n Anfrage läuft</numerusform><numerusform>%n Anfragen laufen</numerusform></translation>
    </message>
    <message>
        <source>Filter by order, agent or phone (%1)</source>
        <translation>Nach Auftrag, Bearbeiter oder Telefon filtern (%1)</translation>
    </message>
    <message>
        <source>Go to order (%1)</source>
        <translation>Gehe zu Auftrag (%1)</translation>
    </message>
    <message>
        <source>%1 — SupportDesk</source>
        <translation>%1 — SupportDesk</translation>
    </message>
    <message>
        <source>Order %1 could not be read from the saved session list: %2</source>
        <translation>Auftrag %1 konnte nicht aus der gespeicherten Sitzungsliste gelesen werden: %2</translation>
    </message>
    <message>
        <source>Loading the session list…</source>
        <translation>Die Sitzungsliste wird geladen…</translation>
    </message>
    <message>
        <source>The saved session list could not be read: %1 — changes are kept until SupportDesk closes, not saved.</source>
        <translation>Die gespeicherte Sitzungsliste konnte nicht gelesen werden: %1 — Änderungen bleiben bis zum Beenden von SupportDesk erhalten, werden aber nicht gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Part of the earlier session list could not be imported (%n problem(s)). The first: %1</source>
        <translation><numerusform>Ein Teil der früheren Sitzungsliste konnte nicht übernommen werden (%n Problem). Das erste: %1</numerusform><numerusform>Ein Teil der früheren Sitzungsliste konnte nicht übernommen werden (%n Probleme). Das erste: %1</numerusform></translation>
    </message>
    <message>
        <source>Could not save the session list: %1 — will try again.</source>
        <translation>Die Sitzungsliste konnte nicht gespeichert werden: %1 — es wird erneut versucht.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>%1 of %2 sessions shown</source>
        <translation>%1 von %2 Sitzungen angezeigt</translation>
    </message>
    <message>
        <source>Session %1 is no longer yours</source>
        <translation>Sitzung %1 gehört nicht mehr Ihnen</translation>
    </message>
    <message>
        <source>Its agent was removed.</source>
        <translation>Ihr Bearbeiter wurde entfernt.</translation>
    </message>
    <message>
        <source>It was reassigned to %1.</source>
        <translation>Sie wurde %1 zugewiesen.</translation>
    </message>
    <message>
        <source>Session %1 changed</source>
        <translation>Sitzung %1 wurde geändert</translation>
    </message>
    <message>
        <source>Someone else changed a session assigned to you.</source>
        <translation>Jemand anderes hat eine Ihnen zugewiesene Sitzung geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed by others</source>
        <translation><numerusform>%n von anderen geändert</numerusform><numerusform>%n von anderen geändert</numerusform></translation>
    </message>
    <message>
        <source>The offline outbox cannot be opened: %1</source>
        <translation>Der Offline-Postausgang kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>A change waiting for order %1 was refused: %2</source>
        <translation>Eine wartende Änderung für Auftrag %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>next try in %1 s</source>
        <translation>nächster Versuch in %1 s</translation>
    </message>
    <message>
        <source>The change could not be kept in the outbox: %1</source>
        <translation>Die Änderung konnte nicht im Postausgang abgelegt werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your change is kept in the outbox and will be sent, in order, when it answers again.</source>
        <translation>Der Server ist nicht erreichbar. Ihre Änderung liegt im Postausgang und wird der Reihe nach gesendet, sobald er wieder antwortet.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>assign the agent you chose</source>
        <translation>den gewählten Bearbeiter zuweisen</translation>
    </message>
    <message>
        <source>remove the agent</source>
        <translation>den Bearbeiter entfernen</translation>
    </message>
    <message>
        <source>close the session</source>
        <translation>die Sitzung schließen</translation>
    </message>
    <message>
        <source>Order %1 changed meanwhile</source>
        <translation>Auftrag %1 wurde inzwischen geändert</translation>
    </message>
    <message>
        <source>While you were offline someone else changed order %1 (agent now: %2).

Still %3?</source>
        <translation>Während Sie offline waren, hat jemand anderes Auftrag %1 geändert (Bearbeiter jetzt: %2).

Trotzdem %3?</translation>
    </message>
    <message>
        <source>Assign agent to %1</source>
        <translation>Bearbeiter für %1 zuweisen</translation>
    </message>
    <message>
        <source>Unassign agent from %1</source>
        <translation>Bearbeiter von %1 entfernen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2 → (none)</source>
        <translation>%1: %2 → (keiner)</translation>
    </message>
    <message>
        <source>%1: close the session</source>
        <translation>%1: Sitzung schließen</translation>
    </message>
    <message>
        <source>Reassign sessions</source>
        <translation>Sitzungen neu zuweisen</translation>
    </message>
    <message>
        <source>Unassign sessions</source>
        <translation>Bearbeiter von Sitzungen entfernen</translation>
    </message>
    <message>
        <source>Close sessions</source>
        <translation>Sitzungen schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) will change:</source>
        <translation><numerusform>%n Sitzung wird geändert:</numerusform><numerusform>%n Sitzungen werden geändert:</numerusform></translation>
    </message>
    <message>
        <source>Closing cannot be undone: the server cannot reopen a session.</source>
        <translation>Schließen lässt sich nicht rückgängig machen: der Server kann eine Sitzung nicht wieder öffnen.</translation>
    </message>
    <message>
        <source>Edit &gt; Undo puts every previous agent back.</source>
        <translation>Bearbeiten &gt; Rückgängig setzt alle vorherigen Bearbeiter wieder ein.</translation>
    </message>
    <message>
        <source>Your edit is kept as a draft. Refresh to see their version, then save again.</source>
        <translation>Ihre Änderung bleibt als Entwurf erhalten. Aktualisieren Sie, um die andere Fassung zu sehen, und speichern Sie dann erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) added to the list.</source>
        <translation><numerusform>%n Auftrag zur Liste hinzugefügt.</numerusform><numerusform>%n Aufträge zur Liste hinzugefügt.</numerusform></translation>
    </message>
    <message>
        <source>Open order</source>
        <translation>Auftrag öffnen</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Sitzung schließen</translation>
    </message>
    <message>
        <source>Close the support session of order %1?

The server cannot reopen it: a new request would start a new session.</source>
        <translation>Die Supportsitzung zu Auftrag %1 schließen?

Der Server kann sie nicht wieder öffnen: eine neue Anfrage beginnt eine neue Sitzung.</translation>
    </message>
    <message>
        <source>Import order IDs</source>
        <translation>Auftragsnummern importieren</translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation>CSV- oder Textdateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Sitzungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1 sessions to %2.</source>
        <translation>%1 Sitzungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>The access token is stored in the system keychain.</source>
        <translation>Das Zugriffstoken ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About SupportDesk</source>
        <translation>Über SupportDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SupportDesk %1&lt;/h3&gt;&lt;p&gt;A desktop console for support sessions on marketplace orders, speaking the GovStack e-Marketplace Support Management API.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SupportDesk %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für Supportsitzungen zu Marktplatz-Aufträgen über die GovStack-e-Marketplace-Support-Management-API.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The audit trail: %1</source>
        <translation>Prüfprotokoll: %1</translation>
    </message>
    <message>
        <source>“Mine” lists the sessions assigned to you, and no agent identity is set for this server profile.</source>
        <translation>„Meine“ zeigt die Ihnen zugewiesenen Sitzungen, und für dieses Serverprofil ist keine Bearbeiter-Identität festgelegt.</translation>
    </message>
    <message>
        <source>Set my agent ID…</source>
        <translation>Meine Bearbeiter-ID festlegen…</translation>
    </message>
    <message>
        <source>My agent identity</source>
        <translation>Meine Bearbeiter-Identität</translation>
    </message>
    <message>
        <source>Who you are on this server: your sessions under “Mine”, your name in the audit trail.</source>
        <translation>Wer Sie auf diesem Server sind: Ihre Sitzungen unter „Meine“, Ihr Name im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>&amp;Next session</source>
        <translation>&amp;Nächste Sitzung</translation>
    </message>
    <message>
        <source>P&amp;revious session</source>
        <translation>Vo&amp;rherige Sitzung</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy order &amp;ID</source>
        <translation>Auftragsnummer &amp;kopieren</translation>
    </message>
    <message>
        <source>My agent &amp;identity…</source>
        <translation>Meine Bearbeiter-&amp;Identität…</translation>
    </message>
    <message>
        <source>New</source>
        <comment>toolbar button: new support request</comment>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>toolbar button: open order</comment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>toolbar button: refresh the selected sessions</comment>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <comment>toolbar button</comment>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <source>Assign</source>
        <comment>toolbar button: assign or reassign an agent</comment>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Unassign</source>
        <comment>toolbar button: remove the agent</comment>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>toolbar button: close the session</comment>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Go to and server</source>
        <translation>Gehe zu und Server</translation>
    </message>
    <message>
        <source>The access token could not be read from the system keychain, so requests are sent without one. (The keychain said: %1)</source>
        <translation>Das Zugriffstoken konnte nicht aus dem Schlüsselbund des Systems gelesen werden, daher werden Anfragen ohne Token gesendet. (Der Schlüsselbund meldete: %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting: the server refused the access token.</source>
        <translation><numerusform>%n Änderung wartet: Der Server hat das Zugriffstoken abgelehnt.</numerusform><numerusform>%n Änderungen warten: Der Server hat das Zugriffstoken abgelehnt.</numerusform></translation>
    </message>
    <message>
        <source>Waiting changes are not being sent, because the outbox cannot be written: %1</source>
        <translation>Wartende Änderungen werden nicht gesendet, weil der Postausgang nicht geschrieben werden kann: %1</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n pending change(s) in the outbox</source>
        <translation><numerusform>Offline: %n ausstehende Änderung im Postausgang</numerusform><numerusform>Offline: %n ausstehende Änderungen im Postausgang</numerusform></translation>
    </message>
    <message>
        <source>Order %1 was closed on the server before your change reached it. Your change is kept as a draft.</source>
        <translation>Auftrag %1 wurde auf dem Server geschlossen, bevor Ihre Änderung ihn erreichte. Ihre Änderung bleibt als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>Order %1 was closed on the server before your change reached it. The change was dropped.</source>
        <translation>Auftrag %1 wurde auf dem Server geschlossen, bevor Ihre Änderung ihn erreichte. Die Änderung wurde verworfen.</translation>
    </message>
    <message>
        <source>Agent removed from %1.</source>
        <translation>Bearbeiter von %1 entfernt.</translation>
    </message>
    <message>
        <source>%1: skipped, the session is already closed</source>
        <translation>%1: übersprungen, die Sitzung ist bereits geschlossen</translation>
    </message>
    <message>
        <source>%1: skipped, the server has no open session for it</source>
        <translation>%1: übersprungen, der Server hat keine offene Sitzung dazu</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) will be skipped: closed, or not on the server.</source>
        <translation><numerusform>%n Sitzung wird übersprungen: geschlossen oder nicht auf dem Server.</numerusform><numerusform>%n Sitzungen werden übersprungen: geschlossen oder nicht auf dem Server.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing to do: the %n session(s) chosen are closed, or not on the server.</source>
        <translation><numerusform>Nichts zu tun: die gewählte Sitzung ist geschlossen oder nicht auf dem Server.</numerusform><numerusform>Nichts zu tun: die %n gewählten Sitzungen sind geschlossen oder nicht auf dem Server.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Agent removed from %n session(s).</source>
        <translation><numerusform>Bearbeiter von %n Sitzung entfernt.</numerusform><numerusform>Bearbeiter von %n Sitzungen entfernt.</numerusform></translation>
    </message>
    <message>
        <source>The server wants an access token, and no access token is set in the server profile "%1". Enter one there.</source>
        <translation>Der Server verlangt ein Zugriffstoken, und im Serverprofil „%1“ ist keines eingetragen. Tragen Sie dort eines ein.</translation>
    </message>
    <message>
        <source>The access token is removed.</source>
        <translation>Das Zugriffstoken ist entfernt.</translation>
    </message>
    <message>
        <source>The access token could not be removed from the system keychain. (The keychain said: %1)</source>
        <translation>Das Zugriffstoken konnte nicht aus dem Schlüsselbund des Systems entfernt werden. (Der Schlüsselbund meldete: %1)</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the token can be kept only in memory until SupportDesk closes: it will not be written anywhere and must be entered again next time.

Use the token for this run only?</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher kann das Token nur im Speicher gehalten werden, bis SupportDesk beendet wird: Es wird nirgends gespeichert und muss beim nächsten Mal erneut eingegeben werden.

Das Token nur für diese Sitzung verwenden?</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the token is kept only until SupportDesk closes.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher wird das Token nur bis zum Beenden von SupportDesk behalten.</translation>
    </message>
    <message>
        <source>The access token could not be stored in the system keychain. (The keychain said: %1)</source>
        <translation>Das Zugriffstoken konnte nicht im Schlüsselbund des Systems gespeichert werden. (Der Schlüsselbund meldete: %1)</translation>
    </message>
    <message>
        <source>Session list and detail pane</source>
        <translation>Sitzungsliste und Detailbereich</translation>
    </message>
    <message>
        <source>From the filter into the list</source>
        <translation>Vom Filter in die Liste</translation>
    </message>
    <message>
        <source>Open the selected session in the detail pane</source>
        <translation>Die ausgewählte Sitzung im Detailbereich öffnen</translation>
    </message>
    <message>
        <source>From the list to the detail pane</source>
        <translation>Von der Liste in den Detailbereich</translation>
    </message>
    <message>
        <source>From the detail pane back to the list</source>
        <translation>Vom Detailbereich zurück in die Liste</translation>
    </message>
    <message>
        <source>Select several sessions</source>
        <translation>Mehrere Sitzungen auswählen</translation>
    </message>
    <message>
        <source>No agent identity set — Set…</source>
        <translation>Keine Bearbeiter-Identität festgelegt — Festlegen…</translation>
    </message>
    <message>
        <source>Working as %1</source>
        <translation>Sie arbeiten als %1</translation>
    </message>
    <message>
        <source>Working as %1 (%2)</source>
        <comment>agent ID (name)</comment>
        <translation>Sie arbeiten als %1 (%2)</translation>
    </message>
    <message>
        <source>The agent directory could not be read: %1</source>
        <translation>Das Bearbeiterverzeichnis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Order ID copied.</source>
        <translation>Auftragsnummer kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n order IDs copied.</source>
        <translation><numerusform>%n Auftragsnummer kopiert.</numerusform><numerusform>%n Auftragsnummern kopiert.</numerusform></translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Wiederhergestellt: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Undo of “%1”: %n session(s) could not be changed.</source>
        <translation><numerusform>Rückgängig „%1“: %n Sitzung konnte nicht geändert werden.</numerusform><numerusform>Rückgängig „%1“: %n Sitzungen konnten nicht geändert werden.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Redo of “%1”: %n session(s) could not be changed.</source>
        <translation><numerusform>Wiederholen „%1“: %n Sitzung konnte nicht geändert werden.</numerusform><numerusform>Wiederholen „%1“: %n Sitzungen konnten nicht geändert werden.</numerusform></translation>
    </message>
    <message>
        <source>Close session</source>
        <comment>button that closes the session</comment>
        <translation>Sitzung schließen</translation>
    </message>
    <message>
        <source>Order %1 was changed by someone else meanwhile, so it was left as it is.</source>
        <translation>Auftrag %1 wurde zwischenzeitlich von jemand anderem geändert und blieb daher unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Balance %n session(s)</source>
        <translation><numerusform>%n Sitzung ausgleichen</numerusform><numerusform>%n Sitzungen ausgleichen</numerusform></translation>
    </message>
    <message>
        <source>&amp;Balance…</source>
        <translation>&amp;Ausgleichen…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Balance sessions</source>
        <translation>Sitzungen ausgleichen</translation>
    </message>
</context>
<context>
    <name>sd::ui::NewSessionDialog</name>
    <message>
        <source>New support request</source>
        <translation>Neue Supportanfrage</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <source>Chat URL</source>
        <translation>Chat-URL</translation>
    </message>
    <message>
        <source>Chat session ID</source>
        <translation>Chat-Sitzungs-ID</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>optional, e.g. +49 30 1234567</source>
        <translation>optional, z. B. +49 30 1234567</translation>
    </message>
    <message>
        <source>&amp;Order ID:</source>
        <translation>&amp;Auftragsnummer:</translation>
    </message>
    <message>
        <source>Callback &amp;phone:</source>
        <translation>&amp;Rückruftelefon:</translation>
    </message>
    <message>
        <source>Chat &amp;URL:</source>
        <translation>Chat-&amp;URL:</translation>
    </message>
    <message>
        <source>Chat &amp;session:</source>
        <translation>Chat-&amp;Sitzung:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>The callback phone is not a phone number.</source>
        <translation>Das Rückruftelefon ist keine Telefonnummer.</translation>
    </message>
</context>
<context>
    <name>sd::ui::ProfileDialog</name>
    <message>
        <source>Server profiles</source>
        <translation>Serverprofile</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>My agent ID</source>
        <translation>Meine Bearbeiter-ID</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugriffs&amp;token:</translation>
    </message>
    <message>
        <source>My &amp;agent ID:</source>
        <translation>Meine &amp;Bearbeiter-ID:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Parallele Anfragen:</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>&amp;Aktualisieren alle:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Neuer Server</translation>
    </message>
    <message>
        <source>No token set</source>
        <translation>Kein Token gesetzt</translation>
    </message>
</context>
<context>
    <name>sd::ui::RequestLogDock</name>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Copy as curl with the real body</source>
        <translation>Als curl mit dem echten Inhalt kopieren</translation>
    </message>
</context>
<context>
    <name>sd::ui::RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The body is masked: run as it is, this would overwrite phone numbers and e-mail addresses with the masked text. Use "Copy as curl with the real body" to send it again.</source>
        <translation>Der Inhalt ist maskiert: so ausgeführt, würde er Telefonnummern und E-Mail-Adressen mit dem maskierten Text überschreiben. Nehmen Sie „Als curl mit dem echten Inhalt kopieren“, um ihn erneut zu senden.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>sd::ui::SessionHistory</name>
    <message>
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <source>Chat URL</source>
        <translation>Chat-URL</translation>
    </message>
    <message>
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <source>FAQ link</source>
        <translation>FAQ-Link</translation>
    </message>
    <message>
        <source>FAQ type</source>
        <translation>FAQ-Typ</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Weitere Felder</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemandem</translation>
    </message>
    <message>
        <source>A change sent by you has no recorded outcome: it may or may not have been made.</source>
        <translation>Für eine von Ihnen gesendete Änderung ist kein Ergebnis festgehalten: Sie wurde vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <source>A change sent by %1 has no recorded outcome: it may or may not have been made.</source>
        <translation>Für eine von %1 gesendete Änderung ist kein Ergebnis festgehalten: Sie wurde vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <source>Support request created by you.</source>
        <translation>Supportanfrage von Ihnen angelegt.</translation>
    </message>
    <message>
        <source>Support request created by %1.</source>
        <translation>Supportanfrage von %1 angelegt.</translation>
    </message>
    <message>
        <source>Session closed by you.</source>
        <translation>Sitzung von Ihnen geschlossen.</translation>
    </message>
    <message>
        <source>Session closed by %1.</source>
        <translation>Sitzung von %1 geschlossen.</translation>
    </message>
    <message>
        <source>Agent assigned by you.</source>
        <translation>Bearbeiter von Ihnen zugewiesen.</translation>
    </message>
    <message>
        <source>Agent assigned by %1.</source>
        <translation>Bearbeiter von %1 zugewiesen.</translation>
    </message>
    <message>
        <source>%1 assigned by you in place of %2.</source>
        <translation>%1 von Ihnen anstelle von %2 zugewiesen.</translation>
    </message>
    <message>
        <source>%1 assigned by %2 in place of %3.</source>
        <translation>%1 von %2 anstelle von %3 zugewiesen.</translation>
    </message>
    <message>
        <source>%1 assigned by you.</source>
        <translation>%1 von Ihnen zugewiesen.</translation>
    </message>
    <message>
        <source>%1 assigned by %2.</source>
        <translation>%1 von %2 zugewiesen.</translation>
    </message>
    <message>
        <source>Agent removed by you.</source>
        <translation>Bearbeiter von Ihnen entfernt.</translation>
    </message>
    <message>
        <source>Agent removed by %1.</source>
        <translation>Bearbeiter von %1 entfernt.</translation>
    </message>
    <message>
        <source>%1 removed as agent by you.</source>
        <translation>%1 von Ihnen als Bearbeiter entfernt.</translation>
    </message>
    <message>
        <source>%1 removed as agent by %2.</source>
        <translation>%1 von %2 als Bearbeiter entfernt.</translation>
    </message>
    <message>
        <source>Changes saved by you.</source>
        <translation>Änderungen von Ihnen gespeichert.</translation>
    </message>
    <message>
        <source>Changes saved by %1.</source>
        <translation>Änderungen von %1 gespeichert.</translation>
    </message>
    <message>
        <source>The values before are not recorded.</source>
        <translation>Die vorherigen Werte sind nicht festgehalten.</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 geändert.</translation>
    </message>
    <message>
        <source>%1 set to “%2”.</source>
        <translation>%1 auf „%2“ gesetzt.</translation>
    </message>
    <message>
        <source>%1 cleared (was “%2”).</source>
        <translation>%1 geleert (war „%2“).</translation>
    </message>
    <message>
        <source>%1 changed from “%2” to “%3”.</source>
        <translation>%1 von „%2“ auf „%3“ geändert.</translation>
    </message>
    <message>
        <source>Changed by you.</source>
        <translation>Von Ihnen geändert.</translation>
    </message>
    <message>
        <source>Changed by %1.</source>
        <translation>Von %1 geändert.</translation>
    </message>
</context>
<context>
    <name>sd::ui::SessionModel</name>
    <message>
        <source> (unsaved edit)</source>
        <translation> (ungespeicherte Änderung)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <source>pending change (in the outbox)</source>
        <translation>ausstehende Änderung (im Postausgang)</translation>
    </message>
    <message>
        <source>in progress…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>Changed elsewhere: %1.</source>
        <translation>Anderswo geändert: %1.</translation>
    </message>
    <message>
        <source>When this app noticed that the session had changed on the server (not when it was changed there)</source>
        <translation>Wann diese Anwendung bemerkt hat, dass sich die Sitzung auf dem Server geändert hat (nicht, wann sie dort geändert wurde)</translation>
    </message>
    <message>
        <source>Change noticed</source>
        <translation>Änderung bemerkt</translation>
    </message>
</context>
<context>
    <name>sd::ui::TeamDock</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>Bearbeiter filtern</translation>
    </message>
    <message>
        <source>Filter agents by name or ID</source>
        <translation>Bearbeiter nach Name oder ID filtern</translation>
    </message>
    <message>
        <source>Open sessions per agent</source>
        <translation>Offene Sitzungen je Bearbeiter</translation>
    </message>
</context>
<context>
    <name>sd::ui::TeamModel</name>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message numerus="yes">
        <source>Unassigned: %n open session(s)</source>
        <translation><numerusform>Nicht zugewiesen: %n offene Sitzung</numerusform><numerusform>Nicht zugewiesen: %n offene Sitzungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n open session(s)</source>
        <translation><numerusform>%1 (%2): %n offene Sitzung</numerusform><numerusform>%1 (%2): %n offene Sitzungen</numerusform></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Offene Sitzungen</translation>
    </message>
</context>
<context>
    <name>sd::ui::UndoNotice</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
</context>
<context>
    <name>std</name>
    <message>
        <source>"%1" is not a known request.</source>
        <translation>„%1“ ist keine bekannte Anfrage.</translation>
    </message>
</context>
</TS>