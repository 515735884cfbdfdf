#pragma once

// What every QuantCut fuzz target shares: how an input is split, where its files go, which exceptions count
// as a clean refusal.

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace qc::fuzz {

// The fuzz input as bytes (Qt's containers, no copy of ownership issues: a deep copy, inputs are small).
QByteArray bytes(const uint8_t* data, size_t size);

// The first byte chooses a variant (format, path, options); the rest is the content. An empty input gives
// selector 0 and no content.
struct Selected
{
    uint8_t selector = 0;
    QByteArray content;
};
Selected select(const QByteArray& input);

// Several files in one input, separated by kFileSeparator (the dictionary holds it, the seeds use it).
inline constexpr char kFileSeparator[] = "\n#qc-fuzz-file#\n";
std::vector<QByteArray> splitFiles(const QByteArray& content, int maxFiles);

// A private directory for the files a target must write, emptied before each input.
class Scratch
{
public:
    // The directory, created on first use under $TMPDIR and emptied of the previous input's files.
    static QString fresh();
    // Writes one file into the current scratch directory and returns its path.
    static QString write(const QString& name, const QByteArray& data);
};

// Runs one input. FileError (and the extra types the target lists as clean refusals) returns normally;
// any other exception prints what escaped and aborts, which libFuzzer reports as a crash with the input.
void expectClean(const char* target, const std::function<void()>& run);

// An oracle failed (a save that does not reload, an export that does not verify): prints and aborts.
[[noreturn]] void fail(const char* target, const QString& what);

} // namespace qc::fuzz
