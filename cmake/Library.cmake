# mqttgames_library(<target> EXPORT <name> SOURCES <file>...): a static library the way every folder
# of this project makes one: the alias mqttgames::<name> (also its name in the installed package),
# public headers in the folder's include/ (installed), private ones in src/, C++20 and warnings.
function(mqttgames_library target)
  cmake_parse_arguments(ARG "" "EXPORT" "SOURCES" ${ARGN})
  add_library(${target} STATIC ${ARG_SOURCES})
  add_library(mqttgames::${ARG_EXPORT} ALIAS ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${ARG_EXPORT} OUTPUT_NAME ${target})
  target_include_directories(${target}
    PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE src)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CMAKE_UNITY_BUILD)
    # A unity file includes the sources, and GCC then takes a class holding a type of a source's
    # anonymous namespace for a header's mistake; each source alone (the other flavours) is checked.
    target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
  endif()
endfunction()
