# Installs tconv as a CMake package: headers (sources and generated .inc),
# every library under lib/ as an exported target tconv::<Name>, the tools and
# the mlir-opt plugin, and lib/cmake/tconv/tconvConfig.cmake.
#
# Consumers do
#   find_package(tconv CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE tconv::TConvRegistration)
# and get the tconv headers, the MLIR/LLVM headers and libMLIR.so/libLLVM.so
# of the very LLVM installation tconv was built against.

include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(TCONV_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/tconv" CACHE STRING
    "Where tconvConfig.cmake is installed, relative to the prefix")

# Appends to `out` every target defined in `dir` and its subdirectories.
function(_tconv_collect_targets dir out)
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    _tconv_collect_targets("${sub}" sub_targets)
    list(APPEND targets ${sub_targets})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Upstream MLIR libraries that are part of libMLIR.so. Debian exports them as
# static archives too; the ones that are not in the dylib (ExecutionEngine,
# test libraries) link `MLIR` themselves, which is how we tell them apart.
function(_tconv_is_mlir_dylib_component lib out)
  set(result FALSE)
  if(TARGET "${lib}" AND lib MATCHES "^MLIR." AND NOT lib MATCHES "^MLIRTConv")
    get_target_property(imported "${lib}" IMPORTED)
    get_target_property(type "${lib}" TYPE)
    if(imported AND type STREQUAL "STATIC_LIBRARY")
      get_target_property(deps "${lib}" INTERFACE_LINK_LIBRARIES)
      if(NOT "MLIR" IN_LIST deps)
        set(result TRUE)
      endif()
    endif()
  endif()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# With MLIR_LINK_MLIR_DYLIB, a library that names an upstream component in
# add_mlir_library(... LINK_LIBS MLIRFoo) would otherwise pull the static
# libMLIRFoo.a in next to libMLIR.so (duplicate TypeIDs and cl::opts), both in
# our tools and in every consumer of the exported target. Link the dylib
# instead, as mlir_target_link_libraries() would have done.
function(_tconv_link_mlir_dylib target)
  foreach(prop LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
    get_target_property(libs ${target} ${prop})
    if(NOT libs)
      continue()
    endif()
    set(rewritten)
    set(replaced FALSE)
    foreach(lib IN LISTS libs)
      _tconv_is_mlir_dylib_component("${lib}" in_dylib)
      if(in_dylib)
        set(replaced TRUE)
        if(NOT "MLIR" IN_LIST rewritten)
          list(APPEND rewritten MLIR)
        endif()
      else()
        list(APPEND rewritten "${lib}")
      endif()
    endforeach()
    if(replaced)
      set_property(TARGET ${target} PROPERTY ${prop} "${rewritten}")
    endif()
  endforeach()
endfunction()

function(tconv_install_package)
  _tconv_collect_targets("${TCONV_SOURCE_DIR}/lib" lib_targets)
  _tconv_collect_targets("${TCONV_SOURCE_DIR}/tools" tool_targets)

  set(libraries)
  foreach(t IN LISTS lib_targets)
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "SHARED_LIBRARY")
      list(APPEND libraries ${t})
    endif()
  endforeach()
  set(executables)
  set(modules)
  foreach(t IN LISTS tool_targets)
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "EXECUTABLE")
      list(APPEND executables ${t})
    elseif(type STREQUAL "MODULE_LIBRARY")
      list(APPEND modules ${t})
    elseif(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "SHARED_LIBRARY")
      # Helper libraries of tools (e.g. a runner library) are linked by
      # consumers like the ones under lib/.
      list(APPEND libraries ${t})
    endif()
  endforeach()

  if(MLIR_LINK_MLIR_DYLIB)
    foreach(t IN LISTS libraries executables modules)
      _tconv_link_mlir_dylib(${t})
    endforeach()
  endif()

  foreach(t IN LISTS libraries)
    target_include_directories(${t} INTERFACE
      $<BUILD_INTERFACE:${TCONV_SOURCE_DIR}/include>
      $<BUILD_INTERFACE:${TCONV_BINARY_DIR}/include>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_compile_features(${t} INTERFACE cxx_std_17)
  endforeach()

  install(TARGETS ${libraries}
    EXPORT tconvTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tconv-dev
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tconv-dev)

  # Installed binaries find libMLIR.so/libLLVM.so where they were linked
  # from; LLVM's default install rpath only covers $ORIGIN/../lib.
  foreach(t IN LISTS executables modules)
    set_property(TARGET ${t} PROPERTY INSTALL_RPATH
      "\$ORIGIN/../${CMAKE_INSTALL_LIBDIR}" "${LLVM_LIBRARY_DIR}")
  endforeach()
  install(TARGETS ${executables}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tconv)
  install(TARGETS ${modules}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tconv)

  install(DIRECTORY "${TCONV_SOURCE_DIR}/include/tconv"
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT tconv-dev
    FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
  install(DIRECTORY "${TCONV_BINARY_DIR}/include/tconv"
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT tconv-dev
    FILES_MATCHING PATTERN "*.h" PATTERN "*.inc"
    PATTERN "CMakeFiles" EXCLUDE)

  install(EXPORT tconvTargets
    NAMESPACE tconv::
    DESTINATION ${TCONV_INSTALL_CMAKEDIR} COMPONENT tconv-dev)

  set(TCONV_EXPORTED_LIBRARIES ${libraries})
  configure_package_config_file(
    "${TCONV_SOURCE_DIR}/cmake/tconvConfig.cmake.in"
    "${TCONV_BINARY_DIR}/cmake/tconvConfig.cmake"
    INSTALL_DESTINATION ${TCONV_INSTALL_CMAKEDIR}
    PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR CMAKE_INSTALL_BINDIR)
  write_basic_package_version_file(
    "${TCONV_BINARY_DIR}/cmake/tconvConfigVersion.cmake"
    VERSION ${tconv_VERSION}
    COMPATIBILITY SameMinorVersion)
  install(FILES
    "${TCONV_BINARY_DIR}/cmake/tconvConfig.cmake"
    "${TCONV_BINARY_DIR}/cmake/tconvConfigVersion.cmake"
    DESTINATION ${TCONV_INSTALL_CMAKEDIR} COMPONENT tconv-dev)
endfunction()
