#include "jsonlimits.h"

#include <QCoreApplication>
#include <QIODevice>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>
#include <vector>

using nlohmann::json;

namespace sd {

namespace {

void locate(std::string_view text, std::size_t offset, JsonError *e)
{
    offset = std::min(offset, text.size());
    e->offset = offset;
    e->line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++e->line;
            lineStart = i + 1;
        }
    }
    e->column = offset - lineStart + 1;
}

std::string position(const JsonError &e)
{
    return " (line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ")";
}

} // namespace

QString JsonError::text() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::TooLarge:
        return QCoreApplication::translate("sd::Json", "The JSON text is larger than %L1 bytes.")
            .arg(qulonglong(limit));
    case Kind::TooDeep:
        return QCoreApplication::translate(
                   "sd::Json", "Line %1, column %2: values are nested deeper than %n levels.",
                   nullptr, int(limit))
            .arg(qulonglong(line))
            .arg(qulonglong(column));
    case Kind::Syntax:
        return QCoreApplication::translate("sd::Json",
                                           "Line %1, column %2: this is not valid JSON.")
            .arg(qulonglong(line))
            .arg(qulonglong(column));
    }
    return {};
}

JsonError checkJsonBounds(std::string_view text, const JsonLimits &limits)
{
    JsonError e;
    if (text.size() > limits.maxBytes) {
        e.kind = JsonError::Kind::TooLarge;
        e.limit = limits.maxBytes;
        e.message = "larger than " + std::to_string(limits.maxBytes) + " bytes";
        return e;
    }
    // Brackets inside strings do not count; a string ends at the first unescaped quote. Where
    // the text is not JSON the count may be off, but the parser stops there anyway.
    int depth = 0;
    bool inString = false;
    const char *p = text.data();
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > limits.maxDepth) {
                e.kind = JsonError::Kind::TooDeep;
                e.limit = std::size_t(limits.maxDepth);
                locate(text, i, &e);
                e.message = "nested deeper than " + std::to_string(limits.maxDepth) + " levels" +
                            position(e);
                return e;
            }
            break;
        case ']':
        case '}':
            depth = std::max(0, depth - 1);
            break;
        default:
            break;
        }
    }
    return e;
}

JsonError parseJsonBounded(std::string_view text, json &out, const JsonLimits &limits)
{
    out = nullptr;
    JsonError e = checkJsonBounds(text, limits);
    if (e.isError())
        return e;
    try {
        out = json::parse(text.begin(), text.end());
    } catch (const json::parse_error &pe) {
        out = nullptr;
        e.kind = JsonError::Kind::Syntax;
        locate(text, pe.byte > 0 ? pe.byte - 1 : 0, &e);
        e.message = "not valid JSON" + position(e);
    } catch (const json::exception &) {
        // A number out of range and the like: no position is given.
        out = nullptr;
        e.kind = JsonError::Kind::Syntax;
        locate(text, 0, &e);
        e.message = "not valid JSON";
    }
    return e;
}

int jsonDepth(const json &value, int stopAbove)
{
    if (!value.is_structured())
        return 0;
    std::vector<std::pair<const json *, int>> stack{{&value, 1}};
    int deepest = 0;
    while (!stack.empty()) {
        const auto [v, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        if (deepest > stopAbove)
            return stopAbove + 1;
        for (const json &child : *v)
            if (child.is_structured())
                stack.emplace_back(&child, depth + 1);
    }
    return deepest;
}

QByteArray readAtMost(QIODevice &device, qint64 maxBytes)
{
    QByteArray data;
    while (data.size() <= maxBytes) {
        const QByteArray piece = device.read(std::min<qint64>(1 << 20, maxBytes + 1 - data.size()));
        if (piece.isEmpty())
            break;
        data += piece;
    }
    return data;
}

} // namespace sd
