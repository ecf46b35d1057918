// The runtime's protocol vocabulary (SessionEvent and its kinds, ClientFrame, SessionMessage...) is
// generated at build time from ../../schema/*.schema.json by Sessions.Protocol.Generator.
[assembly: System.CLSCompliant(false)]
