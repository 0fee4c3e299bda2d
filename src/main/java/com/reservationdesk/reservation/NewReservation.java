package com.reservationdesk.reservation;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Term;

/** A reservation an exchange buys. */
public record NewReservation(String armSkuName, String region, Term term, BillingPlan billingPlan, long quantity,
    AppliedScopeType scopeType, String scopeSubscription, String displayName) {}
