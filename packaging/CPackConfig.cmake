# `cpack -G DEB` in a build directory makes two Debian packages:
#   dagverk_<version>_amd64.deb          the kiosk (component kiosk)
#   dagverk-central_<version>_amd64.deb  the central tool and its service (component central)
# Depends comes from dpkg-shlibdeps on the installed binaries, plus what is read at run time
# and no linker sees (fonts, time-zone rules, the compositor, adduser for the maintainer
# scripts). tests/package/package_test.sh checks both packages with dpkg-deb and lintian.
include(GNUInstallDirs)

# A Debian changelog and copyright for each package (lintian wants both), made at configure
# time: the changelog names this version and is compressed reproducibly (gzip -n).
configure_file(${CMAKE_CURRENT_LIST_DIR}/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
find_program(DAGVERK_GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/packaging/changelog.gz
  COMMAND ${DAGVERK_GZIP} -9nc ${PROJECT_BINARY_DIR}/packaging/changelog > ${PROJECT_BINARY_DIR}/packaging/changelog.gz
  DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog)
add_custom_target(dagverk_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.gz)

foreach(pkg dagverk dagverk-central)
  if(pkg STREQUAL "dagverk")
    set(comp kiosk)
  else()
    set(comp central)
  endif()
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg}
    RENAME copyright COMPONENT ${comp})
  install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg}
    COMPONENT ${comp})
  install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg} COMPONENT ${comp})
endforeach()

# The kiosk. Its shapes are drawn in code, the pictogram table and the demo unit are compiled
# in: the only files it reads besides its data directory are DejaVu Sans (fonts-dejavu-core),
# Noto Color Emoji for the pictograms (fonts-noto-color-emoji) and the tz database.
install(TARGETS dagverk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/dagverk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
  COMPONENT kiosk)
# Debian 12 keeps system units in /lib/systemd/system (lintian refuses /usr/lib there).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/dagverk-kiosk.service DESTINATION /lib/systemd/system COMPONENT kiosk)

# The central tool and its service.
install(TARGETS dagverk-central RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT central)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/dagverk-central.service DESTINATION /lib/systemd/system COMPONENT central)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/dagverk-central.default DESTINATION /etc/default
  RENAME dagverk-central COMPONENT central)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_VENDOR "Dagverk developers")
set(CPACK_PACKAGE_CONTACT "Dagverk developers <dagverk@invalid.example>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL kiosk central)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://invalid.example/dagverk")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME "dagverk")
set(CPACK_DEBIAN_KIOSK_FILE_NAME "dagverk_${PROJECT_VERSION}_amd64.deb")
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "adduser, fonts-dejavu-core, fonts-noto-color-emoji, tzdata")
# Under cage the kiosk draws with OpenGL ES through Mesa (loaded by SDL at run time, so no
# linker sees it); Debian's cage 0.1.4 does not start without Xwayland. espeak-ng reads the
# prompts aloud (run as a separate program); without it the kiosk works silently and the staff
# dashboard says "Talet fungerar inte", so it is recommended rather than required.
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cage, xwayland, libegl1, libgles2, libgl1-mesa-dri, espeak-ng")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Offline-first touch kiosk for day-activity sites
Dagverk is the check-in, activity and feedback kiosk of a day-activity
site: participants check in by touching their picture, staff keep the
day's records, and the records go to the unit's central office over a
shared folder, encrypted and signed. It works without a network.
dagverk-kiosk.service runs it fullscreen under the cage compositor.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  "${CMAKE_CURRENT_LIST_DIR}/kiosk/postinst;${CMAKE_CURRENT_LIST_DIR}/kiosk/prerm;${CMAKE_CURRENT_LIST_DIR}/kiosk/postrm")

set(CPACK_DEBIAN_CENTRAL_PACKAGE_NAME "dagverk-central")
set(CPACK_DEBIAN_CENTRAL_FILE_NAME "dagverk-central_${PROJECT_VERSION}_amd64.deb")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_DEPENDS "adduser, tzdata")
set(CPACK_COMPONENT_CENTRAL_DESCRIPTION "Central tool and import service for Dagverk kiosks
dagverk-central prepares the shared folder, enrols kiosks, publishes the
roster, imports the kiosks' batches into the central database and
writes the unit's reports (HTML, CSV, XLSX). dagverk-central.service
imports on its own schedule.")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_EXTRA
  "${CMAKE_CURRENT_LIST_DIR}/central/postinst;${CMAKE_CURRENT_LIST_DIR}/central/prerm;${CMAKE_CURRENT_LIST_DIR}/central/postrm;${CMAKE_CURRENT_LIST_DIR}/central/conffiles")

include(CPack)
