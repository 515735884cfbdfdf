# Debian package of the explorer and the command line, against Debian 12's own Qt 6.4 and yaml-cpp:
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2 && (cd build && cpack -G DEB)
# Included from app/gui/CMakeLists.txt; runtime dependencies come from dpkg-shlibdeps.
set(CPACK_PACKAGE_NAME "quantcut")
set(CPACK_PACKAGE_VENDOR "QuantCut")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "QuantCut maintainers <quantcut@users.noreply.github.com>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "quantcut")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB" CACHE STRING "CPack generators")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Qt loads these as plugins, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# CPack puts the summary first and indents the rest itself.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "QuantCut turns per-op INT8 sensitivity rankings (INC MSE_V2, HAWQ_V2, ModelOpt AutoQuantize, your own
scripts) into nested mixed-precision profiles, checks them against precision rules, and exports configs
for INC, ModelOpt and llm-compressor. The package holds the Qt explorer (quantcut), the command line
(quantcut-cli) and the bundled Qwen2.5-VL-3B example.")
include(CPack)
