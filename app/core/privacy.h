// Masking of personal data in logs and exports.
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

} // namespace sd
