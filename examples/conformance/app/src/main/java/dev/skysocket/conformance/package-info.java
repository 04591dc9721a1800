/** The Socket.IO server conformance app: the contract of the protocol's black-box test suite. Imports the API only. */
package dev.skysocket.conformance;
