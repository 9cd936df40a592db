<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="37"/>
        <source>Desktop console for support sessions on marketplace orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="42"/>
        <source>Start a built-in sandbox server with sample sessions and use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="44"/>
        <source>Connect to this server directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="46"/>
        <source>Number of sample sessions for --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="75"/>
        <source>Demo (built-in sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="87"/>
        <source>Command line (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="98"/>
        <source>Local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="19"/>
        <source>Reference server of the GovStack e-Marketplace Support Management API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="24"/>
        <source>Address to listen on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="27"/>
        <source>Port; 0 picks a free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="30"/>
        <source>Require this bearer token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="33"/>
        <source>Persist sessions in FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="36"/>
        <source>Add N sample sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="39"/>
        <source>Delay every answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="42"/>
        <source>No request log on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="55"/>
        <source>--port needs a number from 0 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="58"/>
        <source>--seed needs a number from 0 to 10000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="61"/>
        <source>--latency needs milliseconds from 0 to 600000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="64"/>
        <source>--host needs an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="77"/>
        <source>cannot use data file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="83"/>
        <source>cannot listen on %1 port %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::AgentReply</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="616"/>
        <source>The server sent an empty body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="617"/>
        <source>The server answered with content type &quot;%1&quot; instead of JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="626"/>
        <source>The agent is not valid: %1 at &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::Api</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="90"/>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="97"/>
        <source>The file %1 holds no PEM or DER certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="10"/>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="11"/>
        <source>fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="12"/>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="13"/>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="14"/>
        <source>fetch the agent of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="15"/>
        <source>assign an agent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="17"/>
        <source>remove the agent from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="10"/>
        <source>The order ID is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="12"/>
        <source>The order ID contains only white space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="15"/>
        <source>The order ID is %1 bytes long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="35"/>
        <source>The server address &quot;%1&quot; is not an absolute URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiurl.cpp" line="40"/>
        <source>The server address must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ApiClient</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="647"/>
        <source>An agent needs an ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ApiError</name>
    <message>
        <location filename="../../app/core/apierror.cpp" line="62"/>
        <source>Could not %1 order %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="66"/>
        <source>the input is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="69"/>
        <source>the server refused the access token (HTTP 401)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="71"/>
        <source>no agent is assigned (HTTP 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="73"/>
        <source>there is no open support session for it (HTTP 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="75"/>
        <source>a support session for it is already open (HTTP 409)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="77"/>
        <source>the server refused the request (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="79"/>
        <source>the server failed (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="80"/>
        <source>the server could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="81"/>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="82"/>
        <source>the server&apos;s certificate could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="83"/>
        <source>the server&apos;s answer was not a valid response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="85"/>
        <source>the session was changed by someone else since it was loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="87"/>
        <source>the request was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apierror.cpp" line="91"/>
        <source>The server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ApiReply</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="257"/>
        <source>The response is larger than the limit of %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="273"/>
        <source>The response was cut off before its end (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="287"/>
        <source>Unexpected HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="322"/>
        <source>The server asked to wait %1 s before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::RawHttpReply</name>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="38"/>
        <source>TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="70"/>
        <source>Operation canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="107"/>
        <source>The server&apos;s answer is not HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="158"/>
        <source>The server sent a broken chunked body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/rawhttpreply.cpp" line="175"/>
        <location filename="../../app/core/rawhttpreply.cpp" line="182"/>
        <source>Connection closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::SupportReply</name>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="376"/>
        <source>The server sent an empty body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="383"/>
        <source>The server answered with content type &quot;%1&quot; instead of JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="391"/>
        <source>The session is not valid: %1 at &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="400"/>
        <source>The server answered with order &quot;%1&quot; instead of &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="569"/>
        <source>The server did not send the current session to update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/apiclient.cpp" line="576"/>
        <source>The current session is not valid: %1 at &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::Workspace</name>
    <message>
        <location filename="../../app/core/workspace.cpp" line="69"/>
        <source>not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="70"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="71"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="72"/>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="73"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="86"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/workspace.cpp" line="92"/>
        <source>%1 is not a SupportDesk workspace file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::cli</name>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="73"/>
        <source>Try &apos;supportctl --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="109"/>
        <location filename="../../app/cli/supportctl.cpp" line="151"/>
        <source>Agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="117"/>
        <source>  Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="120"/>
        <source>  Org:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="122"/>
        <source>  Rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="127"/>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="128"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="133"/>
        <source>(session %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="134"/>
        <source>Chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="140"/>
        <source>FAQ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="146"/>
        <source>Descriptor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="151"/>
        <source>(none assigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="173"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="187"/>
        <source>%1 is not a Support object: %2 at &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="188"/>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="425"/>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="446"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="453"/>
        <source>&quot;%1&quot; does not take --%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="456"/>
        <source>wrong number of arguments for &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="471"/>
        <source>--timeout needs seconds between 0 and 3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="477"/>
        <source>--retries needs a number from 0 to 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="482"/>
        <source>--concurrency needs a number from 1 to 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="491"/>
        <source>no server: give --server URL or set SUPPORTDESK_SERVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="532"/>
        <source>update needs --body or at least one field option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="574"/>
        <location filename="../../app/cli/supportctl.cpp" line="589"/>
        <source>the agent ID is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="582"/>
        <source>give order IDs or --from, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="593"/>
        <source>assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="597"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::cli::Runner</name>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="280"/>
        <source>Order %1: closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="291"/>
        <source>no order IDs given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="295"/>
        <source>order ID &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="310"/>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="320"/>
        <source>%1/%2 done, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="354"/>
        <source>%1 of %2 succeeded, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/supportctl.cpp" line="359"/>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::AgentDialog</name>
    <message>
        <location filename="../../ui/dialogs.cpp" line="140"/>
        <source>Reassign order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="140"/>
        <source>Assign order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="141"/>
        <source>Agent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="142"/>
        <source>Agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="144"/>
        <source>Agent phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="146"/>
        <source>Agent e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="155"/>
        <source>Agent &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="156"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="157"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="158"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="161"/>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="161"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="188"/>
        <source>An agent needs an ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="190"/>
        <source>The phone is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="192"/>
        <source>The e-mail address needs an @.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::DetailPane</name>
    <message>
        <location filename="../../ui/detailpane.cpp" line="69"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="71"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="81"/>
        <source>Select a session in the list, or open one by order ID (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="88"/>
        <source>Callback &amp;phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="94"/>
        <source>Chat &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="95"/>
        <source>Chat &amp;session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="96"/>
        <source>&amp;FAQ link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="97"/>
        <source>FAQ t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="98"/>
        <source>&amp;Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="99"/>
        <source>S&amp;ummary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="102"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="105"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="116"/>
        <source>Links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="119"/>
        <source>Other fields (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="123"/>
        <source>Other fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="125"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="127"/>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="136"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="143"/>
        <location filename="../../ui/detailpane.cpp" line="272"/>
        <source>&amp;Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="145"/>
        <source>U&amp;nassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="206"/>
        <source>No session selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="216"/>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="219"/>
        <source>pending change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="221"/>
        <source>last loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="223"/>
        <source>unsaved edit kept as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="244"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="249"/>
        <source>Open chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="251"/>
        <source>Open FAQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="252"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="258"/>
        <source>no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="261"/>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="263"/>
        <source>E-mail: &lt;a href=&quot;mailto:%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="265"/>
        <source>Organization: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="267"/>
        <source>Rating: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="269"/>
        <source>&amp;Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="271"/>
        <source>No agent assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detailpane.cpp" line="330"/>
        <source>Not a phone number: use digits, spaces and an optional leading +.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="52"/>
        <source>SupportDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="63"/>
        <source>Filter sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="64"/>
        <source>Filter by order, agent or phone (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="68"/>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="69"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="75"/>
        <source>Whose sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="76"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="77"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="78"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="81"/>
        <source>Support sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="159"/>
        <source>Order %1: trying again in %2 s (retry %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="215"/>
        <source>&amp;New support request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="216"/>
        <source>&amp;Open order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="217"/>
        <source>&amp;Go to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="221"/>
        <source>&amp;Filter sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="225"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="229"/>
        <source>Refresh &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="231"/>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="232"/>
        <source>&amp;Assign or reassign agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="234"/>
        <source>&amp;Unassign agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="236"/>
        <source>&amp;Close session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="238"/>
        <source>&amp;Import order IDs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="240"/>
        <source>&amp;Paste order IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="242"/>
        <source>&amp;Export list as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="244"/>
        <source>Server &amp;profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="246"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="247"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="248"/>
        <source>&amp;About SupportDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="251"/>
        <source>Request &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="258"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="263"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="268"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="271"/>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="273"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="277"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="286"/>
        <source>Go to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="287"/>
        <source>Go to order (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="303"/>
        <source> Server: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="307"/>
        <source>Server profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="323"/>
        <source>SupportDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="343"/>
        <source>Could not read the access token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="362"/>
        <source>The saved session list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="387"/>
        <source>Could not save the session list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="393"/>
        <source>%n request(s) in flight</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="394"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="395"/>
        <source>%1 of %2 sessions shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="493"/>
        <source>Order %1: done (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="518"/>
        <source>Your edit is kept as a draft. Refresh to see their version, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="569"/>
        <source>Refreshing: %1 of %2 done, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="573"/>
        <source>Refreshed %1 sessions, %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="665"/>
        <source>%n order(s) added to the list.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="689"/>
        <source>Open order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="689"/>
        <source>Order ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="719"/>
        <source>Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="720"/>
        <source>Close the support session of order %1?

The server cannot reopen it: a new request would start a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="727"/>
        <source>Import order IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="728"/>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="733"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="746"/>
        <source>Export sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="748"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="756"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="759"/>
        <source>Exported %1 sessions to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="776"/>
        <source>The access token is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="779"/>
        <source>No keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="780"/>
        <source>SupportDesk keeps access tokens only in the system keychain, and none is available (%1).

Use the token for this run only? It will not be written anywhere and must be entered again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="786"/>
        <source>Could not store the access token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="815"/>
        <location filename="../../ui/mainwindow.cpp" line="818"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="819"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="819"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="847"/>
        <source>About SupportDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="848"/>
        <source>&lt;h3&gt;SupportDesk %1&lt;/h3&gt;&lt;p&gt;A desktop console for support sessions on marketplace orders, speaking the GovStack e-Marketplace Support Management API.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::NewSessionDialog</name>
    <message>
        <location filename="../../ui/dialogs.cpp" line="75"/>
        <source>New support request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="77"/>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="78"/>
        <source>Callback phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="79"/>
        <source>Chat URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="80"/>
        <source>Chat session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="81"/>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="82"/>
        <source>optional, e.g. +49 30 1234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="83"/>
        <source>&amp;Order ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="84"/>
        <source>Callback &amp;phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="85"/>
        <source>Chat &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="86"/>
        <source>Chat &amp;session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="87"/>
        <source>&amp;Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="90"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="106"/>
        <source>The callback phone is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::ProfileDialog</name>
    <message>
        <location filename="../../ui/dialogs.cpp" line="227"/>
        <source>Server profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="230"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="233"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="235"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="237"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="238"/>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="240"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="242"/>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="243"/>
        <source>My agent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="247"/>
        <location filename="../../ui/dialogs.cpp" line="254"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="255"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="257"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="258"/>
        <source>Server &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="259"/>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="260"/>
        <source>My &amp;agent ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="261"/>
        <source>T&amp;imeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="262"/>
        <source>&amp;Concurrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="263"/>
        <source>&amp;Refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="280"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.cpp" line="346"/>
        <source>New server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::RequestLogDock</name>
    <message>
        <location filename="../../ui/requestlog.cpp" line="95"/>
        <location filename="../../ui/requestlog.cpp" line="99"/>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="106"/>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::RequestLogModel</name>
    <message>
        <location filename="../../ui/requestlog.cpp" line="54"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="65"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="66"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="67"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="68"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="69"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlog.cpp" line="70"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sd::ui::SessionModel</name>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="40"/>
        <source>pending change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="42"/>
        <source> (unsaved edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="102"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="103"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="104"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="105"/>
        <source>Callback phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="106"/>
        <source>Chat session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sessionmodel.cpp" line="107"/>
        <source>Last change seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
