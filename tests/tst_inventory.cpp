#include "TestPaths.h"
#include "inventory/Inventory.h"
#include "inventory/InventoryReader.h"
#include "inventory/OpClassifier.h"
#include "io/CsvTable.h"
#include "io/FileError.h"
#include "io/InputFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace qc;

namespace {

struct TensorSpec
{
    QString name;
    QList<qint64> shape;
    QString dtype = QStringLiteral("BF16");
};

qint64 dtypeSize(const QString& dtype)
{
    return dtype == QLatin1String("F32") ? 4 : dtype == QLatin1String("I8") ? 1 : 2;
}

// A real safetensors layout: u64 LE header length, JSON header padded with spaces to 8 bytes, zeroed data.
QByteArray safetensorsBytes(const std::vector<TensorSpec>& tensors)
{
    QJsonObject header;
    header.insert(
        QStringLiteral("__metadata__"), QJsonObject { { QStringLiteral("format"), QStringLiteral("pt") } });
    qint64 offset = 0;
    for (const TensorSpec& t : tensors) {
        qint64 bytes = dtypeSize(t.dtype);
        QJsonArray shape;
        for (const qint64 d : t.shape) {
            shape.append(d);
            bytes *= d;
        }
        header.insert(t.name,
            QJsonObject { { QStringLiteral("dtype"), t.dtype }, { QStringLiteral("shape"), shape },
                { QStringLiteral("data_offsets"), QJsonArray { offset, offset + bytes } } });
        offset += bytes;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while (json.size() % 8 != 0)
        json.append(' ');
    QByteArray out(8, '\0');
    qToLittleEndian<quint64>(quint64(json.size()), out.data());
    return out + json + QByteArray(offset, '\0');
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A tiny decoder-only model: norms, attention with biases on q only, MLP, tied head absent.
std::vector<TensorSpec> tinyModel(int layers)
{
    std::vector<TensorSpec> t { { QStringLiteral("model.embed_tokens.weight"), { 32, 8 } },
        { QStringLiteral("model.norm.weight"), { 8 } } };
    for (int i = 0; i < layers; ++i) {
        const QString p = QStringLiteral("model.layers.%1.").arg(i);
        t.push_back({ p + QStringLiteral("input_layernorm.weight"), { 8 } });
        t.push_back({ p + QStringLiteral("self_attn.q_proj.weight"), { 8, 8 } });
        t.push_back({ p + QStringLiteral("self_attn.q_proj.bias"), { 8 } });
        t.push_back({ p + QStringLiteral("mlp.down_proj.weight"), { 8, 16 } });
    }
    return t;
}

} // namespace

class TestInventory : public QObject
{
    Q_OBJECT

private slots:
    // --- the real Qwen2.5-VL-3B inventory ---
    void realOpsCsv();
    void realOpsCsvAgreesWithClassifier();
    void realOpsCsvViaDirectory();

    // --- classifier ---
    void layerIndex_data();
    void layerIndex();
    void component_data();
    void component();

    // --- CSV ---
    void csvAliasesAndDerivation();
    void csvSemicolonQuotedCrlfBom();
    void csvErrors_data();
    void csvErrors();
    void readDetectsCsvByContent();
    void readMissingPath();

    // --- safetensors ---
    void opTypeFromWeight_data();
    void opTypeFromWeight();
    void naturalLess_data();
    void naturalLess();
    void safetensorsSingleFile();
    void safetensorsShardedIndex();
    void safetensorsDirectory();
    void safetensorsErrors_data();
    void safetensorsErrors();
    void safetensorsMissingShard();

    // --- names only ---
    void fromNames();
    void lookupNearAnOp_data();
    void lookupNearAnOp();

    // --- bundled example ---
    void exampleOpsCsvLoads();
    void exampleOpsCsvMatchesRealInventory();
};

void TestInventory::realOpsCsv()
{
    QC_REQUIRE_SHARED_DATA();
    const QString path = test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv"));
    const Inventory inv = InventoryReader::read(path);
    QCOMPARE(inv.size(), 555);
    QCOMPARE(inv.source(), path);
    QHash<QString, int> types;
    for (const Op& op : inv.ops())
        ++types[op.opType];
    QCOMPARE(types.value(QStringLiteral("Linear")), 415);
    QCOMPARE(types.value(QStringLiteral("Conv3d")), 1);
    QCOMPARE(types.value(QStringLiteral("Embedding")), 1);
    QCOMPARE(types.value(QStringLiteral("RMSNorm")), 138);
    QCOMPARE(types.size(), 4);
    QVERIFY(inv.hasParams());
    QCOMPARE(inv.totalParams(), Q_INT64_C(4065787904));

    const Op& down = inv.at(inv.indexOf(QStringLiteral("model.language_model.layers.35.mlp.down_proj")));
    QCOMPARE(down.layer, 35);
    QCOMPARE(down.component, QStringLiteral("language"));
    QCOMPARE(down.params, Q_INT64_C(22544384));
    QCOMPARE(down.opType, QStringLiteral("Linear"));

    const Op& merger = inv.at(inv.indexOf(QStringLiteral("model.visual.merger.mlp.0")));
    QCOMPARE(merger.component, QStringLiteral("merger"));
    QCOMPARE(merger.layer, -1);
    QCOMPARE(merger.params, Q_INT64_C(26219520));

    const Op& head = inv.at(inv.indexOf(QStringLiteral("lm_head")));
    QCOMPARE(head.component, QStringLiteral("head"));
    QCOMPARE(head.layer, -1);
    QCOMPARE(inv.indexOf(QStringLiteral("lm_head")), 554); // model order is kept
    QCOMPARE(inv.at(0).name, QStringLiteral("model.visual.patch_embed.proj"));
    QCOMPARE(inv.at(0).opType, QStringLiteral("Conv3d"));
    QCOMPARE(inv.at(0).layer, -1);
    QCOMPARE(inv.fingerprint().size(), 64);
}

void TestInventory::realOpsCsvAgreesWithClassifier()
{
    QC_REQUIRE_SHARED_DATA();
    // Read the raw columns so the derived values are compared with what the file says, not with themselves.
    const QString path = test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv"));
    const CsvTable table = CsvTable::parse(readTextInput(path), path);
    const int name = table.column(QLatin1String("name")),
              component = table.column(QLatin1String("component")),
              layer = table.column(QLatin1String("layer_index"));
    QVERIFY(name >= 0 && component >= 0 && layer >= 0);
    QCOMPARE(int(table.rows().size()), 555);
    const OpClassifier classifier = OpClassifier::defaults();
    QHash<QString, int> perComponent;
    for (const CsvTable::Row& row : table.rows()) {
        const QString& n = row.cells[name];
        QVERIFY2(classifier.component(n) == row.cells[component],
            qPrintable(QStringLiteral("line %1: %2").arg(row.line).arg(n)));
        const int expectedLayer = row.cells[layer].isEmpty() ? -1 : row.cells[layer].toInt();
        QVERIFY2(OpClassifier::layerIndex(n) == expectedLayer,
            qPrintable(QStringLiteral("line %1: %2").arg(row.line).arg(n)));
        ++perComponent[row.cells[component]];
    }
    QCOMPARE(perComponent.value(QStringLiteral("vision")), 1 + 32 * 7);
    QCOMPARE(perComponent.value(QStringLiteral("merger")), 3);
    QCOMPARE(perComponent.value(QStringLiteral("embedding")), 1);
    QCOMPARE(perComponent.value(QStringLiteral("language")), 36 * 9 + 1);
    QCOMPARE(perComponent.value(QStringLiteral("head")), 1);
}

void TestInventory::realOpsCsvViaDirectory()
{
    QC_REQUIRE_SHARED_DATA();
    const QString dir = test::sharedData(QStringLiteral("qwen2_5_vl_3b"));
    const Inventory inv = InventoryReader::read(dir);
    QCOMPARE(inv.size(), 555);
    QCOMPARE(inv.source(), dir);
}

// A guess of where a name is only saves the probe: wherever it points, the answer is the index's.
void TestInventory::lookupNearAnOp_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("near");
    QTest::addColumn<int>("expected");
    QTest::newRow("at the guess") << "m.c" << 2 << 2;
    QTest::newRow("a few after") << "m.e" << 2 << 4;
    QTest::newRow("far after") << "m.e" << 0 << 4;
    QTest::newRow("before the guess") << "m.a" << 3 << 0;
    QTest::newRow("guess past the end") << "m.b" << 9 << 1;
    QTest::newRow("negative guess") << "m.b" << -5 << 1;
    QTest::newRow("non-ASCII") << QStringLiteral("m.\u00e9") << 4 << 5;
    // UTF-8 of "\u00c3\u0083" is C3 83: the same units byte for byte as the op "\u00c3\u0083"'s Latin-1,
    // which is another name. Only the index may answer.
    QTest::newRow("Latin-1 look-alike") << QStringLiteral("m.\u00c3") << 6 << 6;
    QTest::newRow("absent") << "m.z" << 0 << -1;
}

void TestInventory::lookupNearAnOp()
{
    QFETCH(QString, name);
    QFETCH(int, near);
    QFETCH(int, expected);
    std::vector<Op> ops;
    for (const QString& n : { QStringLiteral("m.a"), QStringLiteral("m.b"), QStringLiteral("m.c"),
             QStringLiteral("m.d"), QStringLiteral("m.e"), QStringLiteral("m.\u00e9"),
             QStringLiteral("m.\u00c3"), QStringLiteral("m.\u00c3\u0083") })
        ops.push_back({ n, QStringLiteral("Linear"), {}, 0, 1 });
    const Inventory inventory(std::move(ops));
    QCOMPARE(inventory.indexOf(name, near), expected);
    QCOMPARE(inventory.indexOfUtf8(name.toUtf8(), near), expected);
    QCOMPARE(inventory.indexOfUtf8(name.toUtf8()), expected);
    // The look-alike: the UTF-8 bytes of "m.\u00c3" read as Latin-1 are the last op's name.
    QCOMPARE(inventory.indexOfUtf8(QStringLiteral("m.\u00c3").toUtf8(), 7), 6);
}

void TestInventory::layerIndex_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("layer");
    QTest::newRow("llama") << "model.layers.3.mlp" << 3;
    QTest::newRow("qwen vision") << "model.visual.blocks.31.attn.qkv" << 31;
    QTest::newRow("gpt2") << "transformer.h.11.attn.c_attn" << 11;
    QTest::newRow("head") << "lm_head" << -1;
    QTest::newRow("bert") << "encoder.layer.7.output.dense" << 7;
    QTest::newRow("moe expert") << "model.layers.60.mlp.experts.255.down_proj" << 60;
    QTest::newRow("qwen text") << "model.language_model.layers.35.mlp.down_proj" << 35;
    QTest::newRow("merger") << "model.visual.merger.mlp.0" << -1;
    QTest::newRow("patch embed") << "model.visual.patch_embed.proj" << -1;
    QTest::newRow("block at end") << "encoder.block.5" << 5;
    QTest::newRow("not a layer word") << "model.layers_norm.4" << -1;
}

void TestInventory::layerIndex()
{
    QFETCH(QString, name);
    QFETCH(int, layer);
    QCOMPARE(OpClassifier::layerIndex(name), layer);
}

void TestInventory::component_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("component");
    QTest::newRow("vision block") << "model.visual.blocks.0.attn.qkv"
                                  << "vision";
    QTest::newRow("old vision prefix") << "visual.blocks.0.mlp.up_proj"
                                       << "vision";
    QTest::newRow("merger new") << "model.visual.merger.mlp.2"
                                << "merger";
    QTest::newRow("merger old") << "visual.merger.ln_q"
                                << "merger";
    QTest::newRow("llava projector") << "multi_modal_projector.linear_1"
                                     << "merger";
    QTest::newRow("embed") << "model.language_model.embed_tokens"
                           << "embedding";
    QTest::newRow("gpt2 wte") << "transformer.wte"
                              << "embedding";
    QTest::newRow("head") << "lm_head"
                          << "head";
    QTest::newRow("text") << "model.layers.0.self_attn.o_proj"
                          << "language";
    QTest::newRow("final norm") << "model.language_model.norm"
                                << "language";
}

void TestInventory::component()
{
    QFETCH(QString, name);
    QFETCH(QString, component);
    QCOMPARE(OpClassifier::defaults().component(name), component);
}

void TestInventory::csvAliasesAndDerivation()
{
    // Only a name alias and a type alias: component and layer come from the classifier, params stay unknown.
    const QByteArray csv = "op_name,type\n"
                           "model.layers.0.self_attn.q_proj,Linear\n"
                           "model.layers.10.mlp.down_proj,Linear\n"
                           "lm_head,\n";
    const Inventory inv = InventoryReader::readCsv(csv, QStringLiteral("x.csv"), OpClassifier::defaults());
    QCOMPARE(inv.size(), 3);
    QCOMPARE(inv.source(), QStringLiteral("x.csv"));
    QCOMPARE(inv.at(1),
        (Op { QStringLiteral("model.layers.10.mlp.down_proj"), QStringLiteral("Linear"),
            QStringLiteral("language"), 10, -1 }));
    QCOMPARE(inv.at(2).opType, QString());
    QCOMPARE(inv.at(2).component, QStringLiteral("head"));
    QVERIFY(!inv.hasParams());

    // Blank cells in present columns fall back to the rules; given values win over them.
    const QByteArray withColumns = "module,layer,component,params\n"
                                   "model.layers.4.mlp.up_proj,,,100\n"
                                   "model.layers.4.mlp.gate_proj,9,custom,\n"
                                   "model.norm,,,8\n";
    const Inventory inv2
        = InventoryReader::readCsv(withColumns, QStringLiteral("y.csv"), OpClassifier::defaults());
    QCOMPARE(inv2.at(0).layer, 4);
    QCOMPARE(inv2.at(0).component, QStringLiteral("language"));
    QCOMPARE(inv2.at(0).params, 100);
    QCOMPARE(inv2.at(1).layer, 9);
    QCOMPARE(inv2.at(1).component, QStringLiteral("custom"));
    QCOMPARE(inv2.at(1).params, -1);
    QCOMPARE(inv2.at(2).layer, -1);
    QCOMPARE(inv2.totalParams(), 108);

    // A caller-supplied classifier is used for derivation.
    const OpClassifier custom({ { QRegularExpression(QStringLiteral("mlp")), QStringLiteral("ffn") } });
    QCOMPARE(InventoryReader::readCsv(csv, QStringLiteral("x.csv"), custom).at(1).component,
        QStringLiteral("ffn"));
}

void TestInventory::csvSemicolonQuotedCrlfBom()
{
    const QByteArray csv = "\xEF\xBB\xBF"
                           "Name;Op_Type;Params\r\n"
                           "\"model.layers.1.mlp.up_proj\";Linear;12\r\n"
                           "\r\n"
                           "model.layers.1.mlp.down_proj ; Linear ; 13\r\n";
    const Inventory inv = InventoryReader::readCsv(csv, QStringLiteral("s.csv"), OpClassifier::defaults());
    QCOMPARE(inv.size(), 2);
    QCOMPARE(inv.at(0).name, QStringLiteral("model.layers.1.mlp.up_proj"));
    QCOMPARE(inv.at(1).name, QStringLiteral("model.layers.1.mlp.down_proj"));
    QCOMPARE(inv.at(1).params, 13);
    QCOMPARE(inv.at(1).layer, 1);
}

void TestInventory::csvErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("no name column") << QByteArray("op_type,params\nLinear,1\n") << 1 << "no name column";
    QTest::newRow("empty name") << QByteArray("name,params\na,1\n,2\n") << 3 << "empty op name";
    QTest::newRow("bad params") << QByteArray("name,params\na,1\nb,1.5\n") << 3 << "params '1.5'";
    QTest::newRow("negative params") << QByteArray("name,params\na,-3\n") << 2 << "params '-3'";
    QTest::newRow("bad layer") << QByteArray("name,layer_index\na,x\n") << 2 << "layer 'x'";
    QTest::newRow("duplicate") << QByteArray("name\na\nb\n\na\n") << 5
                               << "duplicate op name 'a' (first at line 2)";
    QTest::newRow("header only") << QByteArray("name,op_type\n") << 1 << "no ops";
    QTest::newRow("ragged row") << QByteArray("name,op_type\na,Linear\nb\n") << 3 << "expected 2 fields";
}

void TestInventory::csvErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, message);
    try {
        InventoryReader::readCsv(csv, QStringLiteral("bad.csv"), OpClassifier::defaults());
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QCOMPARE(e.file(), QStringLiteral("bad.csv"));
        QCOMPARE(e.line(), line);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
}

void TestInventory::readDetectsCsvByContent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.txt"));
    writeFile(path, "name,op_type\nmodel.layers.0.mlp.up_proj,Linear\n");
    const Inventory inv = InventoryReader::read(path);
    QCOMPARE(inv.size(), 1);
    QCOMPARE(inv.source(), path);

    // Errors from read() name the file itself.
    writeFile(path, "name\nx\nx\n");
    try {
        InventoryReader::read(path);
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QCOMPARE(e.file(), path);
        QCOMPARE(e.line(), 3);
    }
}

void TestInventory::readMissingPath()
{
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(FileError, InventoryReader::read(dir.filePath(QStringLiteral("nope.csv"))));
    // An empty directory holds no inventory.
    try {
        InventoryReader::read(dir.path());
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QCOMPARE(e.file(), dir.path());
        QVERIFY(e.message().contains(QStringLiteral("no inventory")));
    }
}

void TestInventory::opTypeFromWeight_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<int>("rank");
    QTest::addColumn<bool>("bias");
    QTest::addColumn<QString>("type");
    QTest::newRow("linear") << "model.layers.0.mlp.up_proj" << 2 << false << "Linear";
    QTest::newRow("linear bias") << "model.visual.blocks.0.attn.qkv" << 2 << true << "Linear";
    QTest::newRow("embed_tokens") << "model.language_model.embed_tokens" << 2 << false << "Embedding";
    QTest::newRow("wte") << "transformer.wte" << 2 << false << "Embedding";
    QTest::newRow("embed_positions") << "model.decoder.embed_positions" << 2 << false << "Embedding";
    QTest::newRow("embed with bias") << "vision.patch_embed_proj" << 2 << true << "Linear";
    QTest::newRow("rmsnorm") << "model.layers.0.input_layernorm" << 1 << false << "RMSNorm";
    QTest::newRow("layernorm") << "transformer.h.0.ln_1" << 1 << true << "LayerNorm";
    QTest::newRow("ln_q") << "model.visual.merger.ln_q" << 1 << false << "RMSNorm";
    QTest::newRow("qk norm") << "model.layers.0.self_attn.q_norm" << 1 << false << "RMSNorm";
    QTest::newRow("1-D other") << "model.layers.0.scale" << 1 << false << "Other";
    QTest::newRow("conv1d") << "audio.conv1" << 3 << true << "Conv1d";
    QTest::newRow("conv2d") << "vision.patch_embedding" << 4 << true << "Conv2d";
    QTest::newRow("conv3d") << "model.visual.patch_embed.proj" << 5 << false << "Conv3d";
    QTest::newRow("no weight") << "model.rotary_emb" << -1 << false << "Other";
    QTest::newRow("scalar") << "model.alpha" << 0 << false << "Other";
}

void TestInventory::opTypeFromWeight()
{
    QFETCH(QString, module);
    QFETCH(int, rank);
    QFETCH(bool, bias);
    QFETCH(QString, type);
    QCOMPARE(InventoryReader::opTypeFromWeight(module, rank, bias), type);
}

void TestInventory::naturalLess_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("less");
    QTest::newRow("2 < 10") << "layers.2.x"
                            << "layers.10.x" << true;
    QTest::newRow("10 !< 2") << "layers.10.x"
                             << "layers.2.x" << false;
    QTest::newRow("equal") << "layers.2"
                           << "layers.2" << false;
    QTest::newRow("prefix") << "layers.2"
                            << "layers.2.mlp" << true;
    QTest::newRow("text") << "a.mlp"
                          << "a.self_attn" << true;
    QTest::newRow("huge numbers") << "x.99999999999999999998"
                                  << "x.99999999999999999999" << true;
    QTest::newRow("leading zeros") << "x.1"
                                   << "x.01" << true;
    QTest::newRow("leading zeros reverse") << "x.01"
                                           << "x.1" << false;
}

void TestInventory::naturalLess()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, less);
    QCOMPARE(InventoryReader::naturalLess(a, b), less);
}

void TestInventory::safetensorsSingleFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<TensorSpec> tensors = tinyModel(12);
    tensors.push_back({ QStringLiteral("visual.patch_embed.proj.weight"), { 16, 3, 2, 14, 14 } });
    tensors.push_back({ QStringLiteral("visual.blocks.0.norm1.weight"), { 16 } });
    tensors.push_back({ QStringLiteral("transformer.h.0.ln_1.weight"), { 8 }, QStringLiteral("F32") });
    tensors.push_back({ QStringLiteral("transformer.h.0.ln_1.bias"), { 8 }, QStringLiteral("F32") });
    // Quantized-checkpoint extras fold into their module too.
    tensors.push_back({ QStringLiteral("model.layers.0.mlp.down_proj.weight_scale"), { 8, 1 } });
    const QString path = dir.filePath(QStringLiteral("model.safetensors"));
    writeFile(path, safetensorsBytes(tensors));

    const Inventory inv = InventoryReader::read(path);
    QCOMPARE(inv.source(), path);
    // embed + norm + 12 * 3 modules + patch_embed + norm1 + ln_1
    QCOMPARE(inv.size(), 2 + 12 * 3 + 3);

    const Op& q = inv.at(inv.indexOf(QStringLiteral("model.layers.0.self_attn.q_proj")));
    QCOMPARE(q,
        (Op { QStringLiteral("model.layers.0.self_attn.q_proj"), QStringLiteral("Linear"),
            QStringLiteral("language"), 0, 8 * 8 + 8 }));
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("model.layers.0.mlp.down_proj"))).params, 8 * 16 + 8);
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("model.layers.11.mlp.down_proj"))).params, 8 * 16);
    const Op& embed = inv.at(inv.indexOf(QStringLiteral("model.embed_tokens")));
    QCOMPARE(embed.opType, QStringLiteral("Embedding"));
    QCOMPARE(embed.component, QStringLiteral("embedding"));
    QCOMPARE(embed.params, 32 * 8);
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("model.norm"))).opType, QStringLiteral("RMSNorm"));
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("model.layers.3.input_layernorm"))).opType,
        QStringLiteral("RMSNorm"));
    const Op& patch = inv.at(inv.indexOf(QStringLiteral("visual.patch_embed.proj")));
    QCOMPARE(patch.opType, QStringLiteral("Conv3d"));
    QCOMPARE(patch.component, QStringLiteral("vision"));
    QCOMPARE(patch.params, 16 * 3 * 2 * 14 * 14);
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("visual.blocks.0.norm1"))).layer, 0);
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("transformer.h.0.ln_1"))).opType, QStringLiteral("LayerNorm"));
    QCOMPARE(inv.indexOf(QStringLiteral("lm_head")), -1); // tied, not in the checkpoint: not invented
    QCOMPARE(inv.indexOf(QStringLiteral("__metadata__")), -1);

    // Natural model order: layers.2 before layers.10, stable across runs.
    QVERIFY(inv.indexOf(QStringLiteral("model.layers.2.mlp.down_proj"))
        < inv.indexOf(QStringLiteral("model.layers.10.mlp.down_proj")));
    for (int i = 1; i < inv.size(); ++i)
        QVERIFY2(
            InventoryReader::naturalLess(inv.at(i - 1).name, inv.at(i).name), qPrintable(inv.at(i).name));
    QVERIFY(inv.hasParams());
    qint64 expected = 0;
    for (const TensorSpec& t : tensors) {
        qint64 n = 1;
        for (const qint64 d : t.shape)
            n *= d;
        expected += n;
    }
    QCOMPARE(inv.totalParams(), expected);
    // Detected by content even without the extension.
    const QString renamed = dir.filePath(QStringLiteral("weights.bin"));
    QVERIFY(QFile::copy(path, renamed));
    QCOMPARE(InventoryReader::read(renamed).fingerprint(), inv.fingerprint());
}

void TestInventory::safetensorsShardedIndex()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<TensorSpec> all = tinyModel(3);
    // Split one module's tensors across the shards, as real checkpoints do at shard boundaries.
    std::vector<TensorSpec> first, second;
    QJsonObject weightMap;
    for (size_t i = 0; i < all.size(); ++i) {
        const bool inFirst = i < all.size() / 2 + 1;
        (inFirst ? first : second).push_back(all[i]);
        weightMap.insert(all[i].name,
            inFirst ? QStringLiteral("model-00001-of-00002.safetensors")
                    : QStringLiteral("model-00002-of-00002.safetensors"));
    }
    writeFile(dir.filePath(QStringLiteral("model-00001-of-00002.safetensors")), safetensorsBytes(first));
    writeFile(dir.filePath(QStringLiteral("model-00002-of-00002.safetensors")), safetensorsBytes(second));
    const QJsonObject index { { QStringLiteral("metadata"),
                                  QJsonObject { { QStringLiteral("total_size"), 1234 } } },
        { QStringLiteral("weight_map"), weightMap } };
    const QString indexPath = dir.filePath(QStringLiteral("model.safetensors.index.json"));
    writeFile(indexPath, QJsonDocument(index).toJson());

    const Inventory inv = InventoryReader::read(indexPath);
    QCOMPARE(inv.source(), indexPath);
    QCOMPARE(inv.size(), 2 + 3 * 3);
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("model.layers.1.self_attn.q_proj"))).params, 8 * 8 + 8);
    QCOMPARE(inv.at(inv.indexOf(QStringLiteral("model.layers.2.mlp.down_proj"))).layer, 2);
    QCOMPARE(inv.totalParams(), 32 * 8 + 8 + 3 * (8 + 64 + 8 + 128));

    // The same through readSafetensors and through the directory.
    QCOMPARE(InventoryReader::readSafetensors(indexPath, OpClassifier::defaults()).ops(), inv.ops());
    const Inventory viaDir = InventoryReader::read(dir.path());
    QCOMPARE(viaDir.ops(), inv.ops());
    QCOMPARE(viaDir.source(), dir.path());
}

void TestInventory::safetensorsDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("model.safetensors")), safetensorsBytes(tinyModel(2)));
    writeFile(dir.filePath(QStringLiteral("config.json")), "{\"tie_word_embeddings\": true}");
    const Inventory inv = InventoryReader::read(dir.path());
    QCOMPARE(inv.size(), 2 + 2 * 3);

    // A curated ops.csv beside the checkpoint is preferred.
    writeFile(dir.filePath(QStringLiteral("ops.csv")), "name,op_type\nmodel.layers.0.mlp.down_proj,Linear\n");
    QCOMPARE(InventoryReader::read(dir.path()).size(), 1);
    // Two checkpoints and no index: ambiguous, the user must name one.
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("ops.csv"))));
    QVERIFY(QFile::rename(
        dir.filePath(QStringLiteral("model.safetensors")), dir.filePath(QStringLiteral("a.safetensors"))));
    writeFile(dir.filePath(QStringLiteral("b.safetensors")), safetensorsBytes(tinyModel(1)));
    try {
        InventoryReader::read(dir.path());
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("ambiguous")), qPrintable(e.message()));
    }
}

void TestInventory::safetensorsErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray good = safetensorsBytes(tinyModel(1));
    QTest::newRow("truncated header") << good.left(40) << "truncated safetensors file";
    QTest::newRow("truncated data") << good.left(good.size() - 1) << "beyond the";
    QTest::newRow("shorter than length") << QByteArray("\x10\x00\x00", 3) << "shorter than the 8-byte";
    QByteArray huge(8, '\0');
    qToLittleEndian<quint64>(quint64(1) << 40, huge.data());
    QTest::newRow("implausible length") << huge + "{}"
                                        << "implausible header length";
    QByteArray badJson(8, '\0');
    qToLittleEndian<quint64>(8, badJson.data());
    QTest::newRow("bad json") << badJson + "{\"a\": [1"
                              << "invalid safetensors header JSON";
    QByteArray noShape(8, '\0');
    const QByteArray noShapeJson = "{\"x.weight\": {\"dtype\": \"F32\"}}";
    qToLittleEndian<quint64>(quint64(noShapeJson.size()), noShape.data());
    QTest::newRow("no shape") << noShape + noShapeJson << "has no shape";
    QByteArray empty(8, '\0');
    qToLittleEndian<quint64>(8, empty.data());
    QTest::newRow("no tensors") << empty + "{}      "
                                << "no tensors";
}

void TestInventory::safetensorsErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.safetensors"));
    writeFile(path, bytes);
    try {
        InventoryReader::read(path);
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QCOMPARE(e.file(), path);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
}

void TestInventory::safetensorsMissingShard()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("a.safetensors")), safetensorsBytes(tinyModel(1)));
    QJsonObject weightMap;
    for (const TensorSpec& t : tinyModel(1))
        weightMap.insert(t.name, QStringLiteral("a.safetensors"));
    weightMap.insert(QStringLiteral("lm_head.weight"), QStringLiteral("b.safetensors"));
    const QString indexPath = dir.filePath(QStringLiteral("model.safetensors.index.json"));
    writeFile(indexPath, QJsonDocument(QJsonObject { { QStringLiteral("weight_map"), weightMap } }).toJson());
    try {
        InventoryReader::read(indexPath);
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QCOMPARE(e.file(), indexPath);
        QVERIFY2(
            e.message().contains(QStringLiteral("missing shard 'b.safetensors'")), qPrintable(e.message()));
    }

    // A tensor the index places in a shard whose header lacks it.
    weightMap.insert(QStringLiteral("lm_head.weight"), QStringLiteral("a.safetensors"));
    writeFile(indexPath, QJsonDocument(QJsonObject { { QStringLiteral("weight_map"), weightMap } }).toJson());
    try {
        InventoryReader::read(indexPath);
        QFAIL("no FileError");
    } catch (const FileError& e) {
        QCOMPARE(e.file(), dir.filePath(QStringLiteral("a.safetensors")));
        QVERIFY2(e.message().contains(QStringLiteral("'lm_head.weight'")), qPrintable(e.message()));
    }

    // An index without weight_map.
    writeFile(indexPath, "{\"metadata\": {}}");
    QVERIFY_THROWS_EXCEPTION(FileError, InventoryReader::read(indexPath));
}

void TestInventory::fromNames()
{
    const std::vector<std::pair<QString, QString>> names {
        { QStringLiteral("model.layers.10.mlp.down_proj"), QString() },
        { QStringLiteral("model.visual.blocks.7.attn.qkv"), QStringLiteral("Linear") },
        { QStringLiteral("model.layers.10.mlp.down_proj"), QStringLiteral("Linear") },
        { QString(), QStringLiteral("Linear") },
        { QStringLiteral("lm_head"), QStringLiteral("Linear") },
        { QStringLiteral("model.visual.blocks.7.attn.qkv"), QStringLiteral("Conv2d") },
    };
    const Inventory inv = InventoryReader::fromNames(names, OpClassifier::defaults());
    QCOMPARE(inv.source(), QStringLiteral("rankings"));
    QCOMPARE(inv.size(), 3);
    QCOMPARE(inv.at(0),
        (Op { QStringLiteral("model.layers.10.mlp.down_proj"), QStringLiteral("Linear"),
            QStringLiteral("language"), 10, -1 }));
    QCOMPARE(inv.at(1),
        (Op { QStringLiteral("model.visual.blocks.7.attn.qkv"), QStringLiteral("Linear"),
            QStringLiteral("vision"), 7, -1 }));
    QCOMPARE(inv.at(2).component, QStringLiteral("head"));
    QVERIFY(!inv.hasParams());
    QVERIFY(InventoryReader::fromNames({}, OpClassifier::defaults()).isEmpty());
}

void TestInventory::exampleOpsCsvLoads()
{
    const QString path = test::sourcePath(QStringLiteral("resources/examples/qwen2_5_vl_3b/ops.csv"));
    const Inventory inv = InventoryReader::read(path);
    QCOMPARE(inv.size(), 555);
    QCOMPARE(inv.totalParams(), Q_INT64_C(4065787904));
    QCOMPARE(
        inv.totalParams() - inv.at(inv.indexOf(QStringLiteral("lm_head"))).params, Q_INT64_C(3754622976));
}

void TestInventory::exampleOpsCsvMatchesRealInventory()
{
    QC_REQUIRE_SHARED_DATA();
    // The example is derived from the config alone; equality with the real inventory proves the derivation.
    const CsvTable generated = CsvTable::parse(
        readTextInput(test::sourcePath(QStringLiteral("resources/examples/qwen2_5_vl_3b/ops.csv"))),
        QStringLiteral("example"));
    const QString realPath = test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv"));
    const CsvTable real = CsvTable::parse(readTextInput(realPath), realPath);
    QCOMPARE(generated.header(), real.header());
    auto rows = [](const CsvTable& table) {
        QStringList out;
        for (const CsvTable::Row& row : table.rows()) {
            QStringList key;
            for (const char* column : { "name", "op_type", "layer_index", "component", "params" })
                key << row.cells[table.column(QLatin1String(column))];
            out << key.join(QLatin1Char('|'));
        }
        return out;
    };
    const QStringList g = rows(generated), r = rows(real);
    QCOMPARE(g.size(), 555);
    QCOMPARE(QSet<QString>(g.begin(), g.end()), QSet<QString>(r.begin(), r.end()));
    QCOMPARE(g, r); // and the same row order
    // The full rows too (in_features, out_features).
    for (size_t i = 0; i < real.rows().size(); ++i)
        QCOMPARE(generated.rows()[i].cells, real.rows()[i].cells);
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
