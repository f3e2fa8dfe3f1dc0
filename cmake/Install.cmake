# Installs the libraries, their headers, the programs' data and a CMake package, so that another
# project writes find_package(mqttgames) and links mqttgames::mqtt, mqttgames::core, mqttgames::ui, mqttgames::runner.
include(CMakePackageConfigHelpers)

set(MQTTGAMES_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/mqttgames)
set(mqttgames_exported mqttgames_mqtt mqttgames_core mqttgames_testing)
if(TARGET mqttgames_ui)
  list(APPEND mqttgames_exported mqttgames_ui mqttgames_runner)
  # A game built elsewhere runs from its own build folder, far from any share/ beside it.
  target_compile_definitions(mqttgames_ui PRIVATE
    MQTTGAMES_INSTALLED_ASSETS="${CMAKE_INSTALL_FULL_DATADIR}/mqttgames/assets")
endif()

install(TARGETS ${mqttgames_exported} EXPORT mqttgamesTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/mqtt/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/core/include/ ${PROJECT_SOURCE_DIR}/testing/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET mqttgames_ui)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/ui/include/ ${PROJECT_SOURCE_DIR}/engine/runner/include/
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
if(NOT TARGET mqttgames)
  # Without the launcher nobody else installs the fonts the engine loads.
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/mqttgames/assets)
endif()

install(EXPORT mqttgamesTargets NAMESPACE mqttgames:: DESTINATION ${MQTTGAMES_CMAKE_DIR})
set(MQTTGAMES_WITH_ENGINE ${MQTTGAMES_BUILD_GRAPHICS})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/mqttgamesConfig.cmake.in
  ${PROJECT_BINARY_DIR}/mqttgamesConfig.cmake
  INSTALL_DESTINATION ${MQTTGAMES_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mqttgamesConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/mqttgamesConfig.cmake ${PROJECT_BINARY_DIR}/mqttgamesConfigVersion.cmake
  DESTINATION ${MQTTGAMES_CMAKE_DIR})
