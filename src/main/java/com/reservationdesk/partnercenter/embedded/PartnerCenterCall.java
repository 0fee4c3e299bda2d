package com.reservationdesk.partnercenter.embedded;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A call to the embedded Partner Center that reads or writes its tables. Like a request to the remote
 * system it runs on its own, whatever transaction the caller is in: its own transaction
 * ({@code REQUIRES_NEW}) on a connection of the embedded Partner Center's pool, given back when the call
 * returns. Reads too, so that no caller keeps such a connection until its own transaction ends. Public for the
 * embedded usage adapter, whose demo usage lives in the embedded Partner Center's tables.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Transactional(transactionManager = EmbeddedPartnerCenterDatabase.TRANSACTION_MANAGER, propagation = Propagation.REQUIRES_NEW)
public @interface PartnerCenterCall {}
