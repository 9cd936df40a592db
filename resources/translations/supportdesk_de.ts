<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="62" />
        <source>Desktop console for support sessions on marketplace orders.</source>
        <translation>Desktop-Konsole für Supportsitzungen zu Marktplatz-Aufträgen.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="67" />
        <source>Start a built-in sandbox server with sample sessions and use it.</source>
        <translation>Einen eingebauten Sandbox-Server mit Beispielsitzungen starten und verwenden.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="69" />
        <source>Connect to this server directly.</source>
        <translation>Direkt mit diesem Server verbinden.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="71" />
        <source>Number of sample sessions for --demo.</source>
        <translation>Anzahl der Beispielsitzungen für --demo.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="100" />
        <source>Demo (built-in sandbox)</source>
        <translation>Demo (eingebaute Sandbox)</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="112" />
        <source>Command line (%1)</source>
        <translation>Kommandozeile (%1)</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="123" />
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="19" />
        <source>Reference server of the GovStack e-Marketplace Support Management API.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="24" />
        <source>Address to listen on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="27" />
        <source>Port; 0 picks a free one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="30" />
        <source>Require this bearer token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="33" />
        <source>Persist sessions in FILE.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="36" />
        <source>Add N sample sessions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="39" />
        <source>Delay every answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="42" />
        <source>No request log on stderr.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="55" />
        <source>--port needs a number from 0 to 65535.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="58" />
        <source>--seed needs a number from 0 to 10000000.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="61" />
        <source>--latency needs milliseconds from 0 to 600000.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="64" />
        <source>--host needs an IP address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="77" />
        <source>cannot use data file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="83" />
        <source>cannot listen on %1 port %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::AgentReply</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="617" />
        <source>The server sent an empty body.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="618" />
        <source>The server answered with content type "%1" instead of JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="627" />
        <source>The agent is not valid: %1 at "%2".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::Api</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="90" />
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="97" />
        <source>The file %1 holds no PEM or DER certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="10" />
        <source>create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="11" />
        <source>fetch</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="12" />
        <source>update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="13" />
        <source>close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="14" />
        <source>fetch the agent of</source>
        <translation>Bearbeiter abrufen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="15" />
        <source>assign an agent to</source>
        <translation>Bearbeiter zuweisen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="17" />
        <source>remove the agent from</source>
        <translation>Bearbeiter entfernen</translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="10" />
        <source>The order ID is empty.</source>
        <translation>Die Auftragsnummer ist leer.</translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="12" />
        <source>The order ID contains only white space.</source>
        <translation>Die Auftragsnummer enthält nur Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="15" />
        <source>The order ID is %1 bytes long; at most %2 are allowed.</source>
        <translation>Die Auftragsnummer ist %1 Byte lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="35" />
        <source>The server address "%1" is not an absolute URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="40" />
        <source>The server address must start with http:// or https://.</source>
        <translation>Die Serveradresse muss mit http:// oder https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>sd::ApiClient</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="648" />
        <source>An agent needs an ID.</source>
        <translation>Ein Bearbeiter braucht eine ID.</translation>
    </message>
</context>
<context>
    <name>sd::ApiError</name>
    <message>
        <location filename="../../app/core/apierror.cpp" line="62" />
        <source>Could not %1 order %2</source>
        <translation>Auftrag %2: %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="66" />
        <source>the input is not valid</source>
        <translation>die Eingabe ist ungültig</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="69" />
        <source>the server refused the access token (HTTP 401)</source>
        <translation>der Server lehnt das Zugriffstoken ab (HTTP 401)</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="71" />
        <source>no agent is assigned (HTTP 404)</source>
        <translation>kein Bearbeiter zugewiesen (HTTP 404)</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="73" />
        <source>there is no open support session for it (HTTP 404)</source>
        <translation>dazu ist keine Supportsitzung offen (HTTP 404)</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="75" />
        <source>a support session for it is already open (HTTP 409)</source>
        <translation>eine Supportsitzung dazu ist bereits offen (HTTP 409)</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="77" />
        <source>the server refused the request (HTTP %1)</source>
        <translation>der Server lehnt die Anfrage ab (HTTP %1)</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="79" />
        <source>the server failed (HTTP %1)</source>
        <translation>Serverfehler (HTTP %1)</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="80" />
        <source>the server could not be reached</source>
        <translation>der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="81" />
        <source>the server did not answer in time</source>
        <translation>der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="82" />
        <source>the server's certificate could not be verified</source>
        <translation>das Zertifikat des Servers konnte nicht geprüft werden</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="83" />
        <source>the server's answer was not a valid response</source>
        <translation>die Antwort des Servers ist ungültig</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="85" />
        <source>the session was changed by someone else since it was loaded</source>
        <translation>die Sitzung wurde seit dem Laden von jemand anderem geändert</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="87" />
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="91" />
        <source>The server said: %1</source>
        <translation>Der Server meldet: %1</translation>
    </message>
</context>
<context>
    <name>sd::ApiReply</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="257" />
        <source>The response is larger than the limit of %1 bytes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="273" />
        <source>The response was cut off before its end (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="287" />
        <source>Unexpected HTTP status %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="322" />
        <source>The server asked to wait %1 s before trying again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::OutboxSender</name>
    <message>
        <location filename="../../app/core/outbox.cpp" line="246" />
        <location filename="../../app/core/outbox.cpp" line="336" />
        <source>The session changed on the server.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::RawHttpReply</name>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="38" />
        <source>TLS handshake failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="70" />
        <source>Operation canceled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="107" />
        <source>The server's answer is not HTTP.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="158" />
        <source>The server sent a broken chunked body.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="175" />
        <location filename="../../app/core/rawhttpreply.cpp" line="182" />
        <source>Connection closed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::SupportReply</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="376" />
        <source>The server sent an empty body.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="383" />
        <source>The server answered with content type "%1" instead of JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="391" />
        <source>The session is not valid: %1 at "%2".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="400" />
        <source>The server answered with order "%1" instead of "%2".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="569" />
        <source>The server did not send the current session to update.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="576" />
        <source>The current session is not valid: %1 at "%2".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::Workspace</name>
    <message>
        <location filename="../../app/core/workspace.cpp" line="69" />
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="70" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="71" />
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="72" />
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="73" />
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="86" />
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="92" />
        <source>%1 is not a SupportDesk workspace file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::cli</name>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="79" />
        <source>Try 'supportctl --help'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="115" />
        <location filename="../../app/cli/supportctl.cpp" line="157" />
        <source>Agent:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="123" />
        <source>  Contact:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="126" />
        <source>  Org:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="128" />
        <source>  Rating:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="133" />
        <source>Order:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="134" />
        <source>Phone:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="139" />
        <source>(session %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="140" />
        <source>Chat:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="146" />
        <source>FAQ:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="152" />
        <source>Descriptor:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="157" />
        <source>(none assigned)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="179" />
        <source>cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="193" />
        <source>%1 is not a Support object: %2 at "%3"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="194" />
        <source>standard input</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="452" />
        <source>no command given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="474" />
        <source>unknown command "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="481" />
        <source>"%1" does not take --%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="484" />
        <source>wrong number of arguments for "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="499" />
        <source>--timeout needs seconds between 0 and 3600</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="505" />
        <source>--retries needs a number from 0 to 20</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="510" />
        <source>--concurrency needs a number from 1 to 64</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="523" />
        <source>%1: intact, %2 entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="527" />
        <source>%1: BROKEN at entry %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="541" />
        <source>audit needs "verify" or "export"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="544" />
        <source>--log and --unmasked go with "audit"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="547" />
        <source>no server: give --server URL or set SUPPORTDESK_SERVER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="557" />
        <source>give an order ID or --from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="594" />
        <source>update needs --body or at least one field option</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="636" />
        <location filename="../../app/cli/supportctl.cpp" line="651" />
        <source>the agent ID is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="644" />
        <source>give order IDs or --from, not both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="657" />
        <source>assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="664" />
        <source>unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="670" />
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="673" />
        <source>ok</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::cli::Runner</name>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="273" />
        <source>warning: audit trail not written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="305" />
        <source>Order %1: closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="316" />
        <source>no order IDs given</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="320" />
        <source>order ID "%1": %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="335" />
        <source>FAILED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="345" />
        <source>%1/%2 done, %3 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="379" />
        <source>%1 of %2 succeeded, %3 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="384" />
        <source> and %1 more</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::ui::AgentDialog</name>
    <message>
        <location filename="../../ui/dialogs.cpp" line="140" />
        <source>Reassign order %1</source>
        <translation>Auftrag %1 neu zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="140" />
        <source>Assign order %1</source>
        <translation>Auftrag %1 zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="141" />
        <source>Agent ID</source>
        <translation>Bearbeiter-ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="142" />
        <source>Agent name</source>
        <translation>Name des Bearbeiters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="144" />
        <source>Agent phone</source>
        <translation>Telefon des Bearbeiters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="146" />
        <source>Agent e-mail</source>
        <translation>E-Mail des Bearbeiters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="155" />
        <source>Agent &amp;ID:</source>
        <translation>Bearbeiter-&amp;ID:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="156" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="157" />
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="158" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="161" />
        <source>Reassign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="161" />
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="188" />
        <source>An agent needs an ID.</source>
        <translation>Ein Bearbeiter braucht eine ID.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="190" />
        <source>The phone is not a phone number.</source>
        <translation>Das Telefon ist keine Telefonnummer.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="192" />
        <source>The e-mail address needs an @.</source>
        <translation>Die E-Mail-Adresse braucht ein @.</translation>
    </message>
</context>
<context>
    <name>sd::ui::AuditModel</name>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="73" />
        <source>Before: %1
After: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="91" />
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="92" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="93" />
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="94" />
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="95" />
        <source>Operation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="96" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::ui::AuditViewer</name>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="105" />
        <source>Audit trail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="108" />
        <source>Filter by order or agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="109" />
        <source>Order or agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="113" />
        <source>From date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="117" />
        <source>To date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="127" />
        <source>Audit entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="136" />
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/auditviewer.cpp" line="137" />
        <source>Chain intact: %n entries, none changed, removed or reordered.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="138" />
        <source>TAMPERED: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="139" />
        <source>&amp;Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="142" />
        <source>Export audit trail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="143" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="146" />
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="150" />
        <source>from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/auditviewer.cpp" line="152" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::ui::BulkPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../ui/bulkdialogs.cpp" line="62" />
        <source>Run on %n session(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="67" />
        <source>What will change</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::ui::BulkProgressDialog</name>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="81" />
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="82" />
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="83" />
        <source>&amp;Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="85" />
        <source>&amp;Retry failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="88" />
        <source>C&amp;lose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="120" />
        <source>%1 — waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="124" />
        <source>%1 — done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="125" />
        <source>%1 — FAILED: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="155" />
        <source>%1 done, %2 failed, %3 remaining</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="158" />
        <source>about %1 s left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="160" />
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/bulkdialogs.cpp" line="160" />
        <source>finished</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::ui::ConflictDialog</name>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="34" />
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="37" />
        <source>Chat URL</source>
        <translation>Chat-URL</translation>
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="43" />
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="49" />
        <source>FAQ link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="55" />
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="61" />
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="67" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="84" />
        <source>Order %1 changed meanwhile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="85" />
        <source>Someone else changed this session since you loaded it. Choose, per field, which value to keep. Nothing is sent until you confirm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="90" />
        <source>Fields that differ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="91" />
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="91" />
        <source>Theirs (on the server)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="91" />
        <source>Mine (keep)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="103" />
        <location filename="../../ui/conflictdialog.cpp" line="104" />
        <source>(empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="114" />
        <source>Save the chosen values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/conflictdialog.cpp" line="115" />
        <source>Keep mine as a draft</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>sd::ui::DetailPane</name>
    <message>
        <location filename="../../ui/detailpane.cpp" line="69" />
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="71" />
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="81" />
        <source>Select a session in the list, or open one by order ID (Ctrl+O).</source>
        <translation>Wählen Sie eine Sitzung in der Liste oder öffnen Sie eine per Auftragsnummer (Strg+O).</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="88" />
        <source>Callback &amp;phone:</source>
        <translation>&amp;Rückruftelefon:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="94" />
        <source>Chat &amp;URL:</source>
        <translation>Chat-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="95" />
        <source>Chat &amp;session:</source>
        <translation>Chat-&amp;Sitzung:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="96" />
        <source>&amp;FAQ link:</source>
        <translation>&amp;FAQ-Link:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="97" />
        <source>FAQ t&amp;ype:</source>
        <translation>FAQ-T&amp;yp:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="98" />
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="99" />
        <source>S&amp;ummary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="102" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="105" />
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="116" />
        <source>Links:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="119" />
        <source>Other fields (read-only)</source>
        <translation>Weitere Felder (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="123" />
        <source>Other fields:</source>
        <translation>Weitere Felder:</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="125" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="127" />
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="136" />
        <source>Agent</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="143" />
        <location filename="../../ui/detailpane.cpp" line="272" />
        <source>&amp;Assign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="145" />
        <source>U&amp;nassign</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="206" />
        <source>No session selected</source>
        <translation>Keine Sitzung ausgewählt</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="216" />
        <source>Order %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="219" />
        <source>pending change…</source>
        <translation>Änderung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="221" />
        <source>last loaded %1</source>
        <translation>zuletzt geladen %1</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="223" />
        <source>unsaved edit kept as a draft</source>
        <translation>ungespeicherte Änderung als Entwurf erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="244" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="249" />
        <source>Open chat</source>
        <translation>Chat öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="251" />
        <source>Open FAQ</source>
        <translation>FAQ öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="252" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="258" />
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="261" />
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="263" />
        <source>E-mail: &lt;a href="mailto:%1"&gt;%1&lt;/a&gt;</source>
        <translation>E-Mail: &lt;a href="mailto:%1"&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="265" />
        <source>Organization: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="267" />
        <source>Rating: %1</source>
        <translation>Bewertung: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="269" />
        <source>&amp;Reassign…</source>
        <translation>&amp;Neu zuweisen…</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="271" />
        <source>No agent assigned.</source>
        <translation>Kein Bearbeiter zugewiesen.</translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="330" />
        <source>Not a phone number: use digits, spaces and an optional leading +.</source>
        <translation>Keine Telefonnummer: Ziffern, Leerzeichen und optional ein führendes +.</translation>
    </message>
</context>
<context>
    <name>sd::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="59" />
        <location filename="../../ui/mainwindow.cpp" line="163" />
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="77" />
        <source>Filter sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="78" />
        <source>Filter by order, agent or phone (Ctrl+F)</source>
        <translation>Nach Auftrag, Bearbeiter oder Telefon filtern (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="82" />
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="83" />
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="89" />
        <source>Whose sessions</source>
        <translation>Wessen Sitzungen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="90" />
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="91" />
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="92" />
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="95" />
        <source>Support sessions</source>
        <translation>Supportsitzungen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="202" />
        <source>Order %1: trying again in %2 s (retry %3)…</source>
        <translation>Auftrag %1: neuer Versuch in %2 s (Wiederholung %3)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="264" />
        <source>&amp;New support request…</source>
        <translation>&amp;Neue Supportanfrage…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="265" />
        <source>&amp;Open order…</source>
        <translation>Auftrag ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="266" />
        <source>&amp;Go to order</source>
        <translation>&amp;Gehe zu Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="270" />
        <source>&amp;Filter sessions</source>
        <translation>Sitzungen &amp;filtern</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="274" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="278" />
        <source>Refresh &amp;all</source>
        <translation>&amp;Alle aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="280" />
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="281" />
        <source>&amp;Assign or reassign agent…</source>
        <translation>Bearbeiter &amp;zuweisen oder ändern…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="283" />
        <source>&amp;Unassign agent</source>
        <translation>Bearbeiter &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="285" />
        <source>&amp;Close session…</source>
        <translation>Sitzung &amp;schließen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="287" />
        <source>Select all &amp;shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="288" />
        <source>&amp;Reassign selected…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="290" />
        <source>U&amp;nassign selected…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="292" />
        <source>C&amp;lose selected…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="294" />
        <source>&amp;Audit trail…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="295" />
        <source>&amp;Notify me when my sessions change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="299" />
        <source>&amp;Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="303" />
        <source>&amp;Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="307" />
        <source>&amp;Import order IDs…</source>
        <translation>Auftragsnummern &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="309" />
        <source>&amp;Paste order IDs</source>
        <translation>Auftragsnummern ein&amp;fügen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="311" />
        <source>&amp;Export list as CSV…</source>
        <translation>Liste als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="313" />
        <source>Server &amp;profiles…</source>
        <translation>Server&amp;profile…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="315" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="316" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="317" />
        <source>&amp;About SupportDesk</source>
        <translation>&amp;Über SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="320" />
        <source>Request &amp;log</source>
        <translation>Anfrage&amp;protokoll</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="327" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="332" />
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="337" />
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="342" />
        <source>&amp;Bulk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="345" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="348" />
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="351" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="355" />
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="367" />
        <source>Go to order</source>
        <translation>Gehe zu Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="368" />
        <source>Go to order (Ctrl+L)</source>
        <translation>Gehe zu Auftrag (Strg+L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="384" />
        <source> Server: </source>
        <translation> Server: </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="388" />
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="406" />
        <location filename="../../ui/mainwindow.cpp" line="600" />
        <source>SupportDesk — %1</source>
        <translation>SupportDesk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="427" />
        <source>Could not read the access token: %1</source>
        <translation>Das Zugriffstoken konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="446" />
        <source>The saved session list could not be read: %1</source>
        <translation>Die gespeicherte Sitzungsliste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="471" />
        <source>Could not save the session list: %1</source>
        <translation>Die Sitzungsliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="477" />
        <source>%n request(s) in flight</source>
        <translation><numerusform>%n Anfrage läuft</numerusform><numerusform>%n Anfragen laufen</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="478" />
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="479" />
        <source>%1 of %2 sessions shown</source>
        <translation>%1 von %2 Sitzungen angezeigt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="554" />
        <source>The audit trail could not be written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="585" />
        <source>Session %1 is no longer yours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="586" />
        <source>Its agent was removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="587" />
        <source>It was reassigned to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="589" />
        <source>Session %1 changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="590" />
        <source>Someone else changed a session assigned to you.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="598" />
        <source>%n changed by others</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="599" />
        <source>(%1) SupportDesk — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="610" />
        <source>The offline outbox cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="620" />
        <source>A change waiting for order %1 was refused: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="638" />
        <source>Offline: %n change(s) waiting</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="640" />
        <source>next try in %1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="677" />
        <source>The change could not be kept in the outbox: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="682" />
        <source>The server cannot be reached. Your change is kept in the outbox and will be sent, in order, when it answers again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="742" />
        <source>nobody</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="743" />
        <source>assign the agent you chose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="744" />
        <source>remove the agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="745" />
        <source>close the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="747" />
        <source>Order %1 changed meanwhile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="748" />
        <source>While you were offline someone else changed order %1 (agent now: %2).

Still %3?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="795" />
        <source>Assign agent to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="796" />
        <source>Unassign agent from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="802" />
        <source>Edit %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="821" />
        <source>Undo/redo: %1 of %2 sessions done, %3 failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="847" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="855" />
        <source>%1: %2 → %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="858" />
        <source>%1: %2 → (none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="861" />
        <source>%1: close the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="865" />
        <source>Reassign sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="866" />
        <source>Unassign sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="867" />
        <source>Close sessions</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="869" />
        <source>%n session(s) will change:</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="871" />
        <source>Closing cannot be undone: the server cannot reopen a session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="873" />
        <source>Edit &gt; Undo puts every previous agent back.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="897" />
        <source>%1 (%n session(s))</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="919" />
        <source>Select sessions first (Ctrl+A selects every session the filter shows).</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="924" />
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="968" />
        <source>Order %1: done (%2).</source>
        <translation>Auftrag %1: erledigt (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1000" />
        <source>Your edit is kept as a draft. Refresh to see their version, then save again.</source>
        <translation>Ihre Änderung bleibt als Entwurf erhalten. Aktualisieren Sie, um die andere Fassung zu sehen, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1060" />
        <source>Refreshing: %1 of %2 done, %3 failed</source>
        <translation>Aktualisiere: %1 von %2 erledigt, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1064" />
        <source>Refreshed %1 sessions, %2 failed.</source>
        <translation>%1 Sitzungen aktualisiert, %2 fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="1149" />
        <source>%n order(s) added to the list.</source>
        <translation><numerusform>%n Auftrag zur Liste hinzugefügt.</numerusform><numerusform>%n Aufträge zur Liste hinzugefügt.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1173" />
        <source>Open order</source>
        <translation>Auftrag öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1173" />
        <source>Order ID:</source>
        <translation>Auftragsnummer:</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1203" />
        <source>Close session</source>
        <translation>Sitzung schließen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1204" />
        <source>Close the support session of order %1?

The server cannot reopen it: a new request would start a new session.</source>
        <translation>Die Supportsitzung zu Auftrag %1 schließen?

Der Server kann sie nicht wieder öffnen: eine neue Anfrage beginnt eine neue Sitzung.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1211" />
        <source>Import order IDs</source>
        <translation>Auftragsnummern importieren</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1212" />
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation>CSV- oder Textdateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1217" />
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1230" />
        <source>Export sessions</source>
        <translation>Sitzungen exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1232" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1244" />
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1247" />
        <source>Exported %1 sessions to %2.</source>
        <translation>%1 Sitzungen nach %2 exportiert.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1265" />
        <source>The access token is stored in the system keychain.</source>
        <translation>Das Zugriffstoken ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1268" />
        <source>No keychain available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1269" />
        <source>SupportDesk keeps access tokens only in the system keychain, and none is available (%1).

Use the token for this run only? It will not be written anywhere and must be entered again next time.</source>
        <translation>SupportDesk speichert Zugriffstokens nur im Schlüsselbund des Systems, und keiner ist verfügbar (%1).

Das Token nur für diese Sitzung verwenden? Es wird nirgends gespeichert und muss beim nächsten Start erneut eingegeben werden.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1275" />
        <source>Could not store the access token: %1</source>
        <translation>Das Zugriffstoken konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1310" />
        <location filename="../../ui/mainwindow.cpp" line="1313" />
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1314" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1314" />
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1342" />
        <source>About SupportDesk</source>
        <translation>Über SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1343" />
        <source>&lt;h3&gt;SupportDesk %1&lt;/h3&gt;&lt;p&gt;A desktop console for support sessions on marketplace orders, speaking the GovStack e-Marketplace Support Management API.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SupportDesk %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für Supportsitzungen zu Marktplatz-Aufträgen über die GovStack-e-Marketplace-Support-Management-API.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>sd::ui::NewSessionDialog</name>
    <message>
        <location filename="../../ui/dialogs.cpp" line="75" />
        <source>New support request</source>
        <translation>Neue Supportanfrage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="77" />
        <source>Order ID</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="78" />
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="79" />
        <source>Chat URL</source>
        <translation>Chat-URL</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="80" />
        <source>Chat session ID</source>
        <translation>Chat-Sitzungs-ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="81" />
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="82" />
        <source>optional, e.g. +49 30 1234567</source>
        <translation>optional, z. B. +49 30 1234567</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="83" />
        <source>&amp;Order ID:</source>
        <translation>&amp;Auftragsnummer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="84" />
        <source>Callback &amp;phone:</source>
        <translation>&amp;Rückruftelefon:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="85" />
        <source>Chat &amp;URL:</source>
        <translation>Chat-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="86" />
        <source>Chat &amp;session:</source>
        <translation>Chat-&amp;Sitzung:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="87" />
        <source>&amp;Topic:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="90" />
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="106" />
        <source>The callback phone is not a phone number.</source>
        <translation>Das Rückruftelefon ist keine Telefonnummer.</translation>
    </message>
</context>
<context>
    <name>sd::ui::ProfileDialog</name>
    <message>
        <location filename="../../ui/dialogs.cpp" line="227" />
        <source>Server profiles</source>
        <translation>Serverprofile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="230" />
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="233" />
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="235" />
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="237" />
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="238" />
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="240" />
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="242" />
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="243" />
        <source>My agent ID</source>
        <translation>Meine Bearbeiter-ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="247" />
        <location filename="../../ui/dialogs.cpp" line="254" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="255" />
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="257" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="258" />
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="259" />
        <source>Access &amp;token:</source>
        <translation>Zugriffs&amp;token:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="260" />
        <source>My &amp;agent ID:</source>
        <translation>Meine &amp;Bearbeiter-ID:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="261" />
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="262" />
        <source>&amp;Concurrency:</source>
        <translation>&amp;Parallele Anfragen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="263" />
        <source>&amp;Refresh every:</source>
        <translation>&amp;Aktualisieren alle:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="303" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="349" />
        <source>New server</source>
        <translation>Neuer Server</translation>
    </message>
</context>
<context>
    <name>sd::ui::RequestLogDock</name>
    <message>
        <location filename="../../ui/requestlog.cpp" line="95" />
        <location filename="../../ui/requestlog.cpp" line="99" />
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="106" />
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
</context>
<context>
    <name>sd::ui::RequestLogModel</name>
    <message>
        <location filename="../../ui/requestlog.cpp" line="54" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="65" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="66" />
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="67" />
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="68" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="69" />
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="70" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>sd::ui::SessionModel</name>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="40" />
        <source>pending change</source>
        <translation>Änderung läuft</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="42" />
        <source> (unsaved edit)</source>
        <translation> (ungespeicherte Änderung)</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="102" />
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="103" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="104" />
        <source>Agent</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="105" />
        <source>Callback phone</source>
        <translation>Rückruftelefon</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="106" />
        <source>Chat session</source>
        <translation>Chat-Sitzung</translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="107" />
        <source>Last change seen</source>
        <translation>Letzte Änderung gesehen</translation>
    </message>
</context>
</TS>