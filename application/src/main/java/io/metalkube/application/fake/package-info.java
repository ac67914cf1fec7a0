/** In-memory fakes of every outbound port, for tests, contract suites and the demo's fixture back-end. */
package io.metalkube.application.fake;
