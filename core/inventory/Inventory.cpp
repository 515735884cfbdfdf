#include "Inventory.h"

#include "io/CheckedNumbers.h"
#include "io/Sha256.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace qc {

Inventory::Inventory(std::vector<Op> ops, QString source)
    : m_ops(std::move(ops))
    , m_source(std::move(source))
{
    m_index.reserve(qsizetype(m_ops.size()));
    const auto nameAt = [this](int i) { return QStringView(m_ops[size_t(i)].name); };
    for (size_t i = 0; i < m_ops.size(); ++i) {
        if (m_index.insert(m_ops[i].name, int(i), nameAt) != int(i))
            throw std::invalid_argument("duplicate op name: " + m_ops[i].name.toStdString());
        // Readers refuse larger counts with the file and line; this guards every other way in, so that no
        // sum of counts (cuts, budgets) can overflow.
        const qint64 params = std::max<qint64>(m_ops[i].params, 0);
        if (params > kMaxParams - m_totalParams)
            throw std::overflow_error("the parameter counts add up to more than 2^53");
        m_totalParams += params;
    }
    m_byName.resize(m_ops.size());
    std::iota(m_byName.begin(), m_byName.end(), 0);
    std::sort(m_byName.begin(), m_byName.end(),
        [this](int a, int b) { return m_ops[size_t(a)].name < m_ops[size_t(b)].name; });
}

bool Inventory::hasParams() const
{
    return !m_ops.empty()
        && std::all_of(m_ops.begin(), m_ops.end(), [](const Op& op) { return op.params >= 0; });
}

QString Inventory::fingerprint() const
{
    // One buffer per call: four addData calls per op cost more than the hashing itself.
    QByteArray text;
    for (const Op& op : m_ops) {
        text += op.name.toUtf8();
        text += '\t';
        text += op.opType.toUtf8();
        text += '\n';
    }
    return QString::fromLatin1(Sha256::hex(text));
}

} // namespace qc
