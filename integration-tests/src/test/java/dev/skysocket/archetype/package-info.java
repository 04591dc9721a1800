/**
 * A new project as a team starts one: generated from the archetype outside this repository, built offline
 * against the artifacts this build just installed, its own tests run, its zip and template checked.
 */
package dev.skysocket.archetype;
