/** MetalKube's use cases and ports, plus in-memory fakes of every port. No framework. */
module io.metalkube.application {
    requires transitive io.metalkube.domain;

    exports io.metalkube.application.port.in;
    exports io.metalkube.application.port.out;
    exports io.metalkube.application.service;
    exports io.metalkube.application.fake;
}
