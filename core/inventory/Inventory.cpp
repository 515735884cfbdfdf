#include "Inventory.h"

#include "io/CheckedNumbers.h"
#include "io/Sha256.h"
#include "io/Utf8.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>

namespace qc {

namespace {
constexpr size_t kSortApartFrom = 20000; // ops; below this a thread costs about what the sort does

// Op indices in QString order of their names. All-ASCII names (the rule) are sorted as bytes, where the
// order is the same and memcmp is several times faster than comparing UTF-16 strings that share long
// prefixes ("model.layers.12.mlp.experts."); any other name set is sorted as QStrings.
std::vector<int> sortedByName(const std::vector<Op>& ops)
{
    std::vector<int> order(ops.size());
    std::iota(order.begin(), order.end(), 0);
    std::string bytes;
    std::vector<size_t> start;
    start.reserve(ops.size() + 1);
    for (const Op& op : ops) {
        start.push_back(bytes.size());
        for (const QChar c : op.name) {
            if (c.unicode() >= 128) {
                std::sort(order.begin(), order.end(),
                    [&ops](int a, int b) { return ops[size_t(a)].name < ops[size_t(b)].name; });
                return order;
            }
            bytes.push_back(char(c.unicode()));
        }
    }
    start.push_back(bytes.size());
    const std::string_view all(bytes);
    auto name = [&](int i) { return all.substr(start[size_t(i)], start[size_t(i) + 1] - start[size_t(i)]); };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return name(a) < name(b); });
    return order;
}
} // namespace

Inventory::Inventory(std::vector<Op> ops, QString source)
    : m_ops(std::move(ops))
    , m_source(std::move(source))
{
    // The name order is sorted on a second thread while the index is built: both only read the ops, and the
    // order is the same whichever thread sorts. A small inventory is not worth a thread.
    std::future<std::vector<int>> byName
        = std::async(m_ops.size() >= kSortApartFrom ? std::launch::async : std::launch::deferred,
            [this] { return sortedByName(m_ops); });
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
    m_byName = byName.get();
}

bool Inventory::hasParams() const
{
    return !m_ops.empty()
        && std::all_of(m_ops.begin(), m_ops.end(), [](const Op& op) { return op.params >= 0; });
}

namespace {
constexpr int kNearOps = 4;

bool sameAscii(QByteArrayView bytes, QStringView text)
{
    if (bytes.size() != text.size())
        return false;
    const char16_t* t = text.utf16();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte >= 0x80 || t[i] != byte)
            return false;
    }
    return true;
}
} // namespace

int Inventory::indexOf(QStringView name, int near) const
{
    for (int op = std::max(near, 0); op < std::min(near + kNearOps, size()); ++op) {
        if (m_ops[size_t(op)].name == name)
            return op;
    }
    return indexOf(name);
}

int Inventory::indexOfUtf8(QByteArrayView name, int near) const
{
    for (int op = std::max(near, 0); op < std::min(near + kNearOps, size()); ++op) {
        if (sameAscii(name, m_ops[size_t(op)].name))
            return op;
    }
    return indexOfUtf8(name);
}

int Inventory::indexOfUtf8(QByteArrayView name) const
{
    char16_t wide[256];
    if (name.size() > qsizetype(std::size(wide)))
        return indexOf(QString::fromUtf8(name));
    for (qsizetype i = 0; i < name.size(); ++i) {
        const auto byte = static_cast<unsigned char>(name[i]);
        if (byte >= 0x80)
            return indexOf(QString::fromUtf8(name));
        wide[i] = byte;
    }
    return indexOf(QStringView(wide, name.size()));
}

QString Inventory::fingerprint() const
{
    // Hashed a quarter megabyte at a time: four addData calls per op cost more than the hashing itself, and
    // one buffer for every name would be a second copy of a million-op inventory's names.
    static constexpr qsizetype kChunk = 1 << 18;
    Sha256 hash;
    ByteSink text;
    text.reserve(kChunk + 4096);
    for (const Op& op : m_ops) {
        appendUtf8(text, op.name);
        text.append('\t');
        appendUtf8(text, op.opType);
        text.append('\n');
        if (text.size() >= kChunk) {
            hash.addData(text.view());
            text.clear();
        }
    }
    hash.addData(text.view());
    return QString::fromLatin1(hash.hexResult());
}

} // namespace qc
