#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <algorithm>
#include <cstring>
#include <memory>

namespace qc {

// A byte buffer written at a cursor, for text written a few bytes at a time (the profile file's lines).
// Making room is a compare and an add: QByteArray::resize, out of line with its detach check and
// terminator, cost a fifth of a large save when called for every cell.
class ByteSink
{
public:
    ByteSink() = default;
    ByteSink(const ByteSink&) = delete;
    ByteSink& operator=(const ByteSink&) = delete;

    // Room for `count` more bytes at the end, returned to be filled.
    char* growBy(qsizetype count)
    {
        if (m_end - m_pos < count)
            makeRoom(count);
        char* const at = m_pos;
        m_pos += count;
        return at;
    }
    void append(QByteArrayView bytes)
    {
        if (!bytes.isEmpty())
            std::memcpy(growBy(bytes.size()), bytes.data(), size_t(bytes.size()));
    }
    void append(char c) { *growBy(1) = c; }
    // Gives back the last `count` bytes of a growBy that took more than it needed (a number's room).
    void shrinkBy(qsizetype count) { m_pos -= count; }

    qsizetype size() const { return m_pos - m_data.get(); }
    QByteArrayView view() const { return { m_data.get(), size() }; }
    QByteArray toByteArray() const { return view().toByteArray(); }
    void clear() { m_pos = m_data.get(); } // keeps the capacity
    void reserve(qsizetype capacity)
    {
        if (capacity > m_end - m_data.get())
            makeRoom(capacity - size());
    }

private:
    void makeRoom(qsizetype count)
    {
        const qsizetype used = size();
        const qsizetype capacity = std::max<qsizetype>(2 * (m_end - m_data.get()), used + count);
        std::unique_ptr<char[]> data(new char[size_t(capacity)]); // not zeroed: every byte is written first
        if (used > 0)
            std::memcpy(data.get(), m_data.get(), size_t(used));
        m_data = std::move(data);
        m_pos = m_data.get() + used;
        m_end = m_data.get() + capacity;
    }

    std::unique_ptr<char[]> m_data;
    char* m_pos = nullptr;
    char* m_end = nullptr;
};

} // namespace qc
