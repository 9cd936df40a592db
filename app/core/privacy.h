// Masking of personal data in logs and exports; text made safe for the program that reads it
// next (a spreadsheet, a terminal).
#pragma once

#include <QString>

namespace sd {

// "+49 30 1234567" -> "+** ** *****67": every digit but the last two becomes '*'.
QString maskPhone(const QString &phone);
// "jane.doe@example.com" -> "j***@example.com".
QString maskEmail(const QString &email);
// Masks every phone-number-like run (7+ digits, optional +, spaces, dashes, dots, parentheses)
// and every e-mail address found in free text.
QString maskPersonalData(const QString &text);

// One CSV cell (RFC 4180 quoting). A value starting with '=', '+', '-', '@', a tab or a carriage
// return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as
// a formula (OWASP "CSV injection"); "+49 30 1234567" becomes "'+49 30 1234567".
QString csvCell(const QString &value);

// Text safe to print on a terminal as part of one line: ANSI/VT escape sequences (ESC or C1
// introduced) are removed whole, other C0 and C1 controls and DEL removed, line breaks and tabs
// become spaces, and bidirectional overrides and isolates (which can make a line read
// differently from what it contains) are removed.
QString terminalSafe(const QString &text);

} // namespace sd
