#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <utility>
#include <vector>

namespace qc {

// Interns the few distinct values of a repetitive column (op types, components), looked up by their UTF-8
// bytes: one shared string per distinct value (implicit sharing) instead of one allocation per cell.
class StringPool
{
public:
    QString shared(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return {};
        for (const auto& [key, text] : m_strings) {
            if (key == bytes)
                return text;
        }
        QString text = QString::fromUtf8(bytes);
        if (m_strings.size() < kMaxShared)
            m_strings.emplace_back(bytes.toByteArray(), text);
        return text;
    }

private:
    static constexpr size_t kMaxShared = 64; // a column of many distinct values is not worth pooling
    std::vector<std::pair<QByteArray, QString>> m_strings;
};

} // namespace qc
